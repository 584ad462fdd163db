#pragma once

#include "ConcertListModel.h"
#include "HoldsModel.h"
#include "PaymentTicketsModel.h"
#include "QueueModel.h"
#include "ScheduleListModel.h"
#include "SeatMapModel.h"

#include <QObject>
#include <QSet>

#include <optional>

namespace boxoffice {

// The sale in progress at one terminal (design A4): who is buying, for which concert and date,
// their queue token, their holds and what they cost, and the commands that move the sale on.
// Views show it and send it commands; the staff window and the kiosk are two views of it. Every
// command runs through the EngineHost: while one is out it is busy (isBusy), and asking for it
// again sends nothing. Messages belong to the step they were said in: moving to another
// customer, paying, resetting or a hold running out clears what no longer applies.
class SaleSession : public QObject
{
    Q_OBJECT

public:
    enum class Command { Customer, Join, Seat, Release, Pay, Charge };
    Q_ENUM(Command)

    // What the sale panel says, and how.
    struct Notice
    {
        enum class Kind { None, Info, Success, Warning, Error };
        Kind kind = Kind::None;
        QString text;
        // Said about the balance falling short of the holds: untrue once nothing is held.
        bool aboutShortfall = false;
        bool isEmpty() const { return text.isEmpty(); }
    };

    SaleSession(EngineHost& host, QueueModel& queue, QObject* parent = nullptr);

    EngineHost& host() const { return m_host; }
    const Customer& customer() const { return m_customer; }
    bool hasCustomer() const { return m_customer.id > 0; }
    qint64 concertId() const { return m_concertId; }
    QString concertTitle() const { return m_concerts.titleOf(m_concertId); }
    qint64 scheduleId() const { return m_seats.scheduleId(); }
    // The customer's queue entry for the concert at this terminal, if any.
    const QueueModel::Entry* queueEntry() const;
    QString token() const;
    bool isAdmitted() const;
    // Why seats cannot be chosen now (empty: they can).
    QString lockReason(bool kiosk = false) const;
    qint64 total() const { return m_holds.total(); }
    qint64 balance() const { return m_customer.balance; }
    // What the balance lacks for the holds (0 when it covers them).
    qint64 shortfall() const { return std::max<qint64>(0, total() - balance()); }
    const std::optional<Payment>& lastPayment() const { return m_lastPayment; }
    const Notice& notice() const { return m_notice; }
    bool isBusy(Command command) const { return m_busy.contains(command); }
    bool isBusy() const { return !m_busy.isEmpty(); }

    ConcertListModel& concerts() { return m_concerts; }
    ScheduleListModel& schedules() { return m_schedules; }
    SeatMapModel& seats() { return m_seats; }
    HoldsModel& holds() { return m_holds; }
    QueueModel& queue() { return m_queue; }
    // The tickets of the payment just made (design K3): shown, printed and saved from here.
    PaymentTicketsModel& paidTickets() { return m_paidTickets; }

    // Who is working at this terminal (design R5); empty at a kiosk, where the customer serves
    // themselves. Charges, payments, reissues and refunds made here are recorded as theirs.
    const QString& operatorName() const { return m_operator; }
    void setOperatorName(const QString& name);
    Actor actor() const
    {
        return m_operator.isEmpty() ? Actor::customer() : Actor::staff(m_operator);
    }

    // Loads the concert list (at start, and when another terminal may have added one).
    QFuture<Result<void>> loadConcerts();
    // A member number that exists comes first; other text matches names and phones.
    QFuture<Result<QList<Customer>>> findCustomers(const QString& text);
    QFuture<Result<Customer>> addCustomer(const QString& name, const QString& phone);
    // Makes `customerId` the customer of the sale (0: nobody). USER_NOT_FOUND for an unknown
    // number; the database's own trouble is said as such.
    QFuture<Result<void>> selectCustomer(qint64 customerId);
    void selectConcert(qint64 concertId);
    void selectSchedule(qint64 scheduleId);
    void join();
    // A seat of the map was chosen: holds it, or releases it if it is the customer's.
    void activateSeat(int row);
    void release(qint64 reservationId);
    void pay();
    // Charges the wallet (after the staff took the money) and, if asked, pays the holds. The
    // future holds the new balance (a future that never finishes if a charge is already out).
    QFuture<Result<qint64>> charge(qint64 amount, bool thenPay);
    // Back to the start: nobody, nothing chosen, nothing said.
    void reset();
    // Re-reads what other terminals may have changed.
    void refresh();

Q_SIGNALS:
    void customerChanged();
    void concertChanged();
    void queueChanged();
    void holdsChanged();
    void balanceChanged();
    void noticeChanged();
    void busyChanged(boxoffice::SaleSession::Command command, bool busy);
    // Said next to the seat, in place (a taken seat, a locked map).
    void seatRefused(int row, const QString& text);
    // A passing line for the status bar.
    void statusMessage(const QString& text);
    void paid(const boxoffice::Payment& payment);
    void operatorChanged();

private:
    bool begin(Command command);
    void end(Command command);
    void setNotice(Notice::Kind kind, const QString& text, bool aboutShortfall = false);
    void clearNotice() { setNotice(Notice::Kind::None, {}); }
    void refreshBalance();
    void afterHoldsChanged();
    void onHoldsExpired(const QList<Reservation>& expired);
    void onAdmitted(qint64 customerId, const QString& name, const QString& concert);
    void hold(int seatNumber, int row);
    void payNow();
    // Choosing a customer and a concert is asking to buy: joins the queue unless the customer
    // already has a live entry, or has just used one up (then "Join queue again" is theirs to
    // press).
    void joinIfNew();

    EngineHost& m_host;
    QueueModel& m_queue;
    ConcertListModel m_concerts;
    ScheduleListModel m_schedules;
    SeatMapModel m_seats;
    HoldsModel m_holds;
    PaymentTicketsModel m_paidTickets;
    QString m_operator;
    ClockTimer m_holdWatch;
    Customer m_customer;
    qint64 m_concertId = 0;
    std::optional<Payment> m_lastPayment;
    Notice m_notice;
    QSet<Command> m_busy;
    quint64 m_customerGeneration = 0;
    quint64 m_balanceGeneration = 0;
};

} // namespace boxoffice
