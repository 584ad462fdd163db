#include "sales/VenueLayout.h"

#include "sales/TicketCode.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace boxoffice {

namespace {

constexpr int digits(int n)
{
    return n < 10 ? 1 : 1 + digits(n / 10);
}
// The longest label a layout can make, "<section>-<row>-<seat>", fits a ticket code.
static_assert(VenueLayout::kMaxSectionNameBytes + 1 + digits(VenueLayout::kMaxRows) + 1 +
                  digits(VenueLayout::kMaxSeatsPerRow) <=
              TicketCode::kMaxSeatLabelBytes);

Error layoutError(const QString& why)
{
    return Error::make(ErrorCode::BadRequest,
                       QStringLiteral("좌석 배치 파일이 올바르지 않습니다: %1").arg(why),
                       QStringLiteral("The venue layout is not valid: %1").arg(why));
}

} // namespace

int VenueLayout::seatCount() const
{
    int n = 0;
    for (const Section& s : sections)
        n += s.rows * s.seatsPerRow;
    return n;
}

Result<VenueLayout> VenueLayout::parse(const QByteArray& json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(layoutError(err.errorString()));
    const QJsonObject o = doc.object();
    VenueLayout layout;
    layout.name = o.value(QStringLiteral("name")).toString();
    layout.title = o.value(QStringLiteral("title")).toString();
    if (layout.name.isEmpty() || layout.title.isEmpty())
        return fail(layoutError(QStringLiteral("name and title are required")));
    for (const QJsonValue& v : o.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject so = v.toObject();
        Section s;
        s.name = so.value(QStringLiteral("name")).toString();
        s.tier = so.value(QStringLiteral("tier")).toString();
        s.price = so.value(QStringLiteral("price")).toInteger();
        s.rows = so.value(QStringLiteral("rows")).toInt();
        s.seatsPerRow = so.value(QStringLiteral("seatsPerRow")).toInt();
        s.x = so.value(QStringLiteral("x")).toInt(-1);
        s.y = so.value(QStringLiteral("y")).toInt(-1);
        if (s.name.isEmpty() || s.tier.isEmpty() || s.price <= 0 || s.rows <= 0 ||
            s.seatsPerRow <= 0 || s.x < 0 || s.y < 0 || s.rows > kMaxRows ||
            s.seatsPerRow > kMaxSeatsPerRow)
            return fail(layoutError(
                QStringLiteral("section %1 is incomplete").arg(layout.sections.size() + 1)));
        if (s.name.toUtf8().size() > kMaxSectionNameBytes)
            return fail(layoutError(QStringLiteral("section %1: the name is longer than %2 bytes")
                                        .arg(layout.sections.size() + 1)
                                        .arg(kMaxSectionNameBytes)));
        layout.sections << s;
    }
    if (layout.sections.isEmpty())
        return fail(layoutError(QStringLiteral("no sections")));
    return layout;
}

Result<VenueLayout> VenueLayout::builtIn(const QString& name)
{
    QFile f(QStringLiteral(":/layouts/%1.json").arg(name));
    if (!f.open(QIODevice::ReadOnly))
        return fail(layoutError(QStringLiteral("no built-in layout named %1").arg(name)));
    return parse(f.readAll());
}

} // namespace boxoffice
