#pragma once

#include "queue/QueueService.h"

#include <QAbstractTableModel>

namespace boxoffice {

// Every customer this terminal has put in a queue, with their live status (Q5). The terminal
// keeps the tokens; polling them is what keeps WAITING entries from going idle (Q6).
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

    struct Entry
    {
        qint64 customerId = 0;
        QString customerName;
        qint64 concertId = 0;
        QString concertTitle;
        QString token;
        QueueStatus status;
        bool used = false;    // paid: the token did its job (Q7)
        bool expired = false; // timed out or evicted
        qint64 admittedAtMs = 0;
    };

    QueueModel(QueueService& queue, const Clock& clock, QObject* parent = nullptr);

    // Enters the queue (or refreshes the customer's entry with a fresh token, Q1).
    Result<QueueStatus> join(qint64 customerId, const QString& customerName, qint64 concertId,
                             const QString& concertTitle);
    // Polls every live token; announces admissions through `admitted`.
    void pollAll();
    // The token did its job (after a payment).
    void markUsed(qint64 customerId, qint64 concertId);

    const Entry* find(qint64 customerId, qint64 concertId) const;
    QString tokenFor(qint64 customerId, qint64 concertId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString stateText(const Entry& e);

Q_SIGNALS:
    void admitted(qint64 customerId, const QString& customerName, const QString& concertTitle);
    void statusChanged(qint64 customerId, qint64 concertId);

private:
    int rowOf(qint64 customerId, qint64 concertId) const;
    void emitRow(int row);

    QueueService& m_queue;
    const Clock& m_clock;
    QList<Entry> m_entries;
};

} // namespace boxoffice
