#pragma once

#include "engine/EngineHost.h"

#include <QAbstractTableModel>

namespace boxoffice {

// Every customer this terminal has put in a queue, with their live status (Q5). The terminal
// keeps the tokens; polling them every second (its own timer, on the host's UI clock) is what
// keeps WAITING entries from going idle (Q6).
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CustomerColumn,
        ConcertColumn,
        StateColumn,
        PositionColumn,
        WaitColumn,
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole + 1, CustomerIdRole, ConcertIdRole, AdmittedRecentlyRole };
    static constexpr qint64 kPollIntervalMs = 1000;

    // Where a token stands, as people see it.
    enum class Stage { Waiting, Admitted, Paid, Expired };

    struct Entry
    {
        qint64 customerId = 0;
        QString customerName;
        qint64 concertId = 0;
        QString concertTitle;
        QString token;
        QueueStatus status;
        qint64 paymentId = 0; // the payment that used the token up (Q7), here or elsewhere
        bool expired = false; // timed out, evicted, or replaced by a newer token
        qint64 admittedAtMs = 0;
        Stage stage() const;
    };

    explicit QueueModel(EngineHost& host, QObject* parent = nullptr);

    // Enters the queue (or refreshes the customer's entry with a fresh token, Q1).
    QFuture<Result<QueueStatus>> join(qint64 customerId, const QString& customerName,
                                      qint64 concertId, const QString& concertTitle);
    // Polls every live token in one call (none while the last poll is out); announces
    // admissions through `admitted`.
    void pollAll();
    // The token did its job (after a payment at this terminal).
    void markPaid(qint64 customerId, qint64 concertId, qint64 paymentId);
    // Stops looking after a customer's tokens (a kiosk's customer walked away): their rows go
    // and nothing polls them, so a place still waiting lapses as an idle one does (Q6).
    void forget(qint64 customerId);

    const Entry* find(qint64 customerId, qint64 concertId) const;
    QString tokenFor(qint64 customerId, qint64 concertId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString stageText(Stage stage);
    // A concert's title as short as still tells it apart (for a narrow column).
    static QString shortTitle(const QString& title);

Q_SIGNALS:
    void admitted(qint64 customerId, const QString& customerName, const QString& concertTitle);
    void statusChanged(qint64 customerId, qint64 concertId);

private:
    struct Polled
    {
        QString token;
        Result<QueueStatus> status;
    };
    void applyPoll(const QList<Polled>& answers);
    int rowOf(qint64 customerId, qint64 concertId) const;
    int rowOfToken(const QString& token) const;
    void emitRow(int row);

    EngineHost& m_host;
    QList<Entry> m_entries;
    ClockTimer m_poll;
    bool m_polling = false;
};

} // namespace boxoffice
