#include "SaleSession.h"

#include "Format.h"

namespace boxoffice {

namespace {

// How often the seat map looks whether time alone has freed a seat someone else held.
constexpr qint64 kHoldWatchMs = 1000;

} // namespace

SaleSession::SaleSession(EngineHost& host, QueueModel& queue, QObject* parent)
    : QObject(parent), m_host(host), m_queue(queue), m_concerts(host, this),
      m_schedules(host, this), m_seats(host, this), m_holds(host, this), m_paidTickets(host, this),
      m_holdWatch(host.clock(), this)
{
    connect(&m_holds, &HoldsModel::holdsExpired, this, &SaleSession::onHoldsExpired);
    connect(&m_holds, &HoldsModel::holdEndingSoon, this, [this](const Reservation& r) {
        setNotice(Notice::Kind::Warning,
                  tr("Seat %1: under 30 seconds left to pay.").arg(r.seatLabel));
    });
    connect(&m_holds, &QAbstractItemModel::modelReset, this, &SaleSession::afterHoldsChanged);
    connect(&m_queue, &QueueModel::statusChanged, this, [this](qint64 customerId, qint64 concert) {
        if (customerId == m_customer.id && concert == m_concertId)
            Q_EMIT queueChanged();
    });
    connect(&m_queue, &QueueModel::admitted, this, &SaleSession::onAdmitted);
    connect(&m_host, &EngineHost::changed, this, &SaleSession::refresh);
    connect(&m_host, &EngineHost::databaseAvailable, this, [this] {
        loadConcerts();
        refresh();
    });
    connect(&m_host, &EngineHost::holdsExpired, this, [this] { m_seats.refresh(); });
    // The dates' seat counts follow the map's: a hold, a sale or a hold running out changes both.
    connect(&m_seats, &SeatMapModel::summaryChanged, &m_schedules,
            &ScheduleListModel::refreshCounts);
    m_holdWatch.setInterval(kHoldWatchMs);
    connect(&m_holdWatch, &ClockTimer::timeout, this, [this] {
        if (m_seats.holdExpiredSinceRefresh())
            m_seats.refresh();
    });
    m_holdWatch.start();
}

void SaleSession::setOperatorName(const QString& name)
{
    if (name == m_operator)
        return;
    m_operator = name;
    m_paidTickets.setActor(actor());
    Q_EMIT operatorChanged();
}

const QueueModel::Entry* SaleSession::queueEntry() const
{
    return m_queue.find(m_customer.id, m_concertId);
}

QString SaleSession::token() const
{
    return m_queue.tokenFor(m_customer.id, m_concertId);
}

bool SaleSession::isAdmitted() const
{
    const QueueModel::Entry* e = queueEntry();
    return e && e->stage() == QueueModel::Stage::Admitted;
}

QString SaleSession::lockReason(bool kiosk) const
{
    const QueueModel::Entry* e = queueEntry();
    if (!hasCustomer())
        return kiosk ? tr("Enter your member number to start.")
                     : tr("Find or add a customer to choose seats.");
    if (m_concertId <= 0)
        return tr("Choose a concert.");
    if (!e)
        return kiosk ? tr("Choose a concert to join its queue.")
                     : tr("Join the queue to choose seats (Ctrl+J).");
    switch (e->stage()) {
    case QueueModel::Stage::Paid:
        return tr("Paid. Join the queue again to buy more seats.");
    case QueueModel::Stage::Expired:
        return tr("The queue token expired. Join the queue again.");
    case QueueModel::Stage::Waiting:
        return tr("Waiting in the queue: number %1. Seats open when admitted.")
            .arg(e->status.position);
    case QueueModel::Stage::Admitted:
        break;
    }
    if (scheduleId() <= 0)
        return tr("Choose a date.");
    return {};
}

bool SaleSession::begin(Command command)
{
    if (m_busy.contains(command))
        return false; // already asked: a second click sends nothing
    m_busy.insert(command);
    Q_EMIT busyChanged(command, true);
    return true;
}

void SaleSession::end(Command command)
{
    if (m_busy.remove(command))
        Q_EMIT busyChanged(command, false);
}

void SaleSession::setNotice(Notice::Kind kind, const QString& text, bool aboutShortfall)
{
    if (m_notice.kind == kind && m_notice.text == text)
        return;
    m_notice = Notice{kind, text, aboutShortfall};
    Q_EMIT noticeChanged();
}

QFuture<Result<void>> SaleSession::loadConcerts()
{
    return m_concerts.reload();
}

QFuture<Result<QList<Customer>>> SaleSession::findCustomers(const QString& text)
{
    return m_host.call([text](Engine& e) { return e.customers.find(text); });
}

QFuture<Result<Customer>> SaleSession::addCustomer(const QString& name, const QString& phone)
{
    return m_host.call([name, phone](Engine& e) { return e.customers.add(name, phone); })
        .then(this, [this](Result<Customer> c) {
            if (c)
                selectCustomer(c->id);
            return c;
        });
}

QFuture<Result<void>> SaleSession::selectCustomer(qint64 customerId)
{
    const quint64 mine = ++m_customerGeneration;
    m_busy.insert(Command::Customer);
    Q_EMIT busyChanged(Command::Customer, true);
    return m_host
        .call([customerId](Engine& e) -> Result<Customer> {
            if (customerId <= 0)
                return Customer{};
            return e.customers.byId(customerId);
        })
        .then(this, [this, mine](Result<Customer> c) -> Result<void> {
            if (mine != m_customerGeneration)
                return {}; // another customer was chosen meanwhile
            end(Command::Customer);
            if (!c)
                return std::unexpected(c.error());
            // Everything said about the previous customer goes with them.
            m_customer = *c;
            m_lastPayment.reset();
            m_paidTickets.setPayment(0);
            clearNotice();
            m_seats.setViewer(m_customer.id);
            m_holds.setCustomer(m_customer.id);
            Q_EMIT customerChanged();
            Q_EMIT balanceChanged();
            Q_EMIT queueChanged();
            joinIfNew();
            return {};
        });
}

void SaleSession::joinIfNew()
{
    if (hasCustomer() && m_concertId > 0 && !queueEntry())
        join();
}

void SaleSession::selectConcert(qint64 concertId)
{
    if (concertId == m_concertId)
        return;
    m_concertId = concertId;
    m_lastPayment.reset();
    if (m_notice.kind != Notice::Kind::Error)
        clearNotice();
    m_seats.setSchedule(0);
    Q_EMIT concertChanged();
    Q_EMIT queueChanged();
    joinIfNew();
    // The first date with seats left is chosen by itself: one action fewer for everybody.
    m_schedules.setConcert(concertId).then(this, [this, concertId](Result<void> r) {
        if (!r) {
            Q_EMIT statusMessage(errorText(r.error()));
            return;
        }
        if (concertId != m_concertId || scheduleId() > 0)
            return;
        for (int row = 0; row < m_schedules.rowCount(); ++row) {
            if (m_schedules.index(row).data(ScheduleListModel::AvailableRole).toInt() > 0) {
                selectSchedule(m_schedules.idAt(row));
                return;
            }
        }
    });
}

void SaleSession::selectSchedule(qint64 scheduleId)
{
    if (scheduleId == m_seats.scheduleId())
        return;
    m_seats.setSchedule(scheduleId).then(this, [this](Result<void> r) {
        if (!r)
            Q_EMIT statusMessage(errorText(r.error()));
    });
    Q_EMIT concertChanged();
}

void SaleSession::join()
{
    if (!hasCustomer() || m_concertId <= 0) {
        setNotice(Notice::Kind::Error, tr("Choose a customer and a concert first."));
        return;
    }
    if (!begin(Command::Join))
        return;
    const Customer who = m_customer;
    m_queue.join(who.id, who.name, m_concertId, concertTitle())
        .then(this, [this, who](Result<QueueStatus> s) {
            end(Command::Join);
            if (!s) {
                setNotice(Notice::Kind::Error, errorText(s.error()));
                return;
            }
            m_lastPayment.reset();
            if (m_notice.kind == Notice::Kind::Success || m_notice.kind == Notice::Kind::Error)
                clearNotice();
            if (s->state == QueueState::Waiting)
                Q_EMIT statusMessage(
                    tr("%1 is number %2 in the queue.").arg(who.name).arg(s->position));
            Q_EMIT queueChanged();
        });
}

void SaleSession::activateSeat(int row)
{
    if (row < 0 || row >= m_seats.rowCount())
        return;
    if (const QString reason = lockReason(); !reason.isEmpty()) {
        Q_EMIT seatRefused(row, reason);
        return;
    }
    const SeatInfo& seat = m_seats.seat(row);
    switch (seat.state) {
    case SeatState::HeldByOther:
    case SeatState::Sold:
        Q_EMIT seatRefused(row, errorText(Error::make(ErrorCode::SeatAlreadyTaken)));
        return;
    case SeatState::HeldByMe:
        for (const Reservation& r : m_holds.holds()) {
            if (r.seatId == seat.seatId) {
                release(r.id);
                return;
            }
        }
        return;
    case SeatState::Available:
        hold(seat.number, row);
        return;
    }
}

void SaleSession::hold(int seatNumber, int row)
{
    if (!begin(Command::Seat))
        return;
    const QString token = this->token();
    const qint64 schedule = scheduleId();
    m_host
        .call([token, schedule, seatNumber](Engine& e) {
            return e.reservations.hold(token, schedule, seatNumber);
        })
        .then(this, [this, row, schedule](Result<Reservation> held) {
            end(Command::Seat);
            m_seats.refresh();
            if (!held) {
                if (schedule == scheduleId())
                    Q_EMIT seatRefused(row, errorText(held.error()));
                return;
            }
            m_lastPayment.reset();
            setNotice(Notice::Kind::Info,
                      tr("Seat %1 held until %2.")
                          .arg(held->seatLabel, Format::dateTime(held->expiresAtMs)));
            m_holds.reload();
        });
}

void SaleSession::release(qint64 reservationId)
{
    if (!begin(Command::Release))
        return;
    const QString token = this->token();
    m_host
        .call([token, reservationId](Engine& e) {
            return e.reservations.release(token, reservationId);
        })
        .then(this, [this](Result<void> r) {
            end(Command::Release);
            if (r)
                setNotice(Notice::Kind::Info, tr("Seat released."));
            else
                setNotice(Notice::Kind::Error, errorText(r.error()));
            m_seats.refresh();
            m_holds.reload();
        });
}

void SaleSession::pay()
{
    if (m_holds.rowCount() == 0) {
        setNotice(Notice::Kind::Error, tr("Hold at least one seat first."));
        return;
    }
    if (!begin(Command::Pay))
        return;
    payNow();
}

void SaleSession::payNow()
{
    const QString token = this->token();
    const QList<qint64> ids = m_holds.reservationIds();
    const Actor by = actor();
    m_host.call([token, ids, by](Engine& e) { return e.payments.pay(token, ids, {}, by); })
        .then(this, [this](Result<Payment> p) {
            end(Command::Pay);
            if (!p) {
                const Error& e = p.error();
                if (e.code == ErrorCode::InsufficientBalance) {
                    m_customer.balance = e.extra.value(QStringLiteral("balance")).toInteger();
                    Q_EMIT balanceChanged();
                    setNotice(
                        Notice::Kind::Warning,
                        tr("The balance is %1 short of the total.").arg(Format::krw(shortfall())));
                    return;
                }
                setNotice(Notice::Kind::Error, errorText(e));
                m_seats.refresh();
                m_holds.reload();
                return;
            }
            m_lastPayment = *p;
            m_paidTickets.setPayment(p->id, p->tickets);
            m_queue.markPaid(m_customer.id, m_concertId, p->id);
            m_customer.balance = p->balanceAfter;
            setNotice(Notice::Kind::Success,
                      tr("Paid %1. Payment number %2.").arg(Format::krw(p->amount)).arg(p->id));
            Q_EMIT statusMessage(
                tr("Payment %1 complete: %n seat(s) sold.", nullptr, int(p->reservationIds.size()))
                    .arg(p->id));
            m_seats.refresh();
            m_holds.reload();
            Q_EMIT balanceChanged();
            Q_EMIT queueChanged();
            Q_EMIT paid(*p);
        });
}

QFuture<Result<qint64>> SaleSession::charge(qint64 amount, bool thenPay)
{
    if (!hasCustomer() || !begin(Command::Charge))
        return {};
    const qint64 customerId = m_customer.id;
    return m_host
        .call([customerId, amount, by = actor()](Engine& e) {
            return e.wallet.charge(customerId, amount, {}, by);
        })
        .then(this, [this, customerId, amount, thenPay](Result<qint64> after) {
            end(Command::Charge);
            if (customerId != m_customer.id)
                return after;
            if (!after) {
                setNotice(Notice::Kind::Error, errorText(after.error()));
                return after;
            }
            m_customer.balance = *after;
            Q_EMIT balanceChanged();
            setNotice(
                Notice::Kind::Info,
                tr("Charged %1. New balance: %2.").arg(Format::krw(amount), Format::krw(*after)));
            if (thenPay && m_holds.rowCount() > 0 && begin(Command::Pay))
                payNow();
            return after;
        });
}

void SaleSession::reset()
{
    ++m_customerGeneration;
    m_customer = Customer{};
    m_concertId = 0;
    m_lastPayment.reset();
    m_paidTickets.setPayment(0);
    clearNotice();
    m_schedules.setConcert(0);
    m_seats.setSchedule(0);
    m_seats.setViewer(0);
    m_holds.setCustomer(0);
    Q_EMIT customerChanged();
    Q_EMIT concertChanged();
    Q_EMIT balanceChanged();
    Q_EMIT queueChanged();
}

void SaleSession::refresh()
{
    // With a date shown, the map's new counts refresh the dates' (summaryChanged above); only
    // without one are the dates read here, so a change costs one read of them, not two.
    if (m_seats.scheduleId() > 0)
        m_seats.refresh();
    else
        m_schedules.refresh();
    refreshBalance();
}

void SaleSession::refreshBalance()
{
    if (!hasCustomer())
        return;
    const qint64 customerId = m_customer.id;
    const quint64 mine = ++m_balanceGeneration;
    m_host.call([customerId](Engine& e) { return e.wallet.balance(customerId); })
        .then(this, [this, customerId, mine](Result<qint64> b) {
            if (mine != m_balanceGeneration || customerId != m_customer.id)
                return;
            if (!b) {
                Q_EMIT statusMessage(errorText(b.error()));
                return;
            }
            if (*b != m_customer.balance) {
                m_customer.balance = *b;
                Q_EMIT balanceChanged();
            }
        });
}

void SaleSession::afterHoldsChanged()
{
    // A shortfall said about holds that are gone is no longer true.
    if (m_holds.rowCount() == 0 && m_notice.aboutShortfall)
        clearNotice();
    Q_EMIT holdsChanged();
}

void SaleSession::onHoldsExpired(const QList<Reservation>& expired)
{
    QStringList seats;
    QList<qint64> seatIds;
    for (const Reservation& r : expired) {
        seats << r.seatLabel;
        seatIds << r.seatId;
    }
    // The row and the seat go at the same moment; the read after it only confirms.
    m_seats.showFree(seatIds);
    setNotice(Notice::Kind::Warning,
              tr("The hold on seat(s) %1 ran out of time; they are free again.", nullptr,
                 int(seats.size()))
                  .arg(seats.join(QStringLiteral(", "))));
    m_seats.refresh();
    Q_EMIT holdsChanged();
}

void SaleSession::onAdmitted(qint64 customerId, const QString& name, const QString& concert)
{
    Q_EMIT statusMessage(
        tr("%1 (#%2) may now choose seats for %3.").arg(name).arg(customerId).arg(concert));
    if (customerId == m_customer.id)
        Q_EMIT queueChanged();
}

} // namespace boxoffice
