#pragma once

// Shared by the after-sale tests (tickets, refunds, the door, the audit log): a customer buys
// seats through the services, as the counter would, so that every row the tests look at was
// made by the code under test.

#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace boxoffice::test {

// The id of the concert's `index`-th future schedule; fatal when there is none.
inline qint64 scheduleOf(TestEngine& t, qint64 concertId, int index = 0)
{
    auto s = t->catalogue.schedulesOf(concertId);
    if (!s || s->size() <= index)
        qFatal("no schedule %d of concert %lld", index, concertId);
    return s->at(index).id;
}

// Customer `customerId` holds `seats` of the schedule, charges exactly what they cost and pays,
// taken by `by`. Fatal on any refusal: the tests that use it are about what comes after.
inline Payment buy(TestEngine& t, qint64 customerId, qint64 scheduleId, const QList<int>& seats,
                   const Actor& by = Actor::customer())
{
    const auto schedule = t->catalogue.schedule(scheduleId);
    if (!schedule)
        qFatal("no schedule %lld", scheduleId);
    const QString token = t.activeToken(customerId, schedule->concertId);
    QList<qint64> ids;
    qint64 total = 0;
    for (int seat : seats) {
        const auto r = t->reservations.hold(token, scheduleId, seat);
        if (!r)
            qFatal("hold of seat %d failed: %s", seat, qPrintable(r.error().english));
        ids << r->id;
        total += r->price;
    }
    if (const auto c = t->wallet.charge(customerId, total, {}, by); !c)
        qFatal("charge failed: %s", qPrintable(c.error().english));
    const auto p = t->payments.pay(token, ids, {}, by);
    if (!p)
        qFatal("pay failed: %s %s", qPrintable(p.error().codeName()),
               qPrintable(p.error().english));
    return *p;
}

// The number the statement counts (-1 when it cannot run).
inline qint64 count(TestEngine& t, const QString& sql, const QVariantList& args = {})
{
    const QVariant v = scalar(*t->db, sql, args);
    return v.isValid() ? v.toLongLong() : -1;
}

// The staff API's bodies (design §9): a refund's (or a payment's) reservations, a scan.
inline QByteArray reservationIdsBody(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return QJsonDocument(QJsonObject{{QStringLiteral("reservationIds"), a}})
        .toJson(QJsonDocument::Compact);
}

inline QByteArray checkInBody(const QString& code, qint64 scheduleId)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                     {QStringLiteral("scheduleId"), scheduleId}})
        .toJson(QJsonDocument::Compact);
}

} // namespace boxoffice::test
