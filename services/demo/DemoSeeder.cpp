#include "demo/DemoSeeder.h"

#include "sales/VenueLayout.h"
#include "storage/CatalogueRepository.h"
#include "storage/CustomerRepository.h"

namespace boxoffice {

namespace {

struct Tier
{
    const char* name;
    int firstSeat;
    int lastSeat;
    qint64 price;
};

struct DemoConcert
{
    const char* title;
    const char* venue;
    Tier tiers[3];
};

const DemoConcert kConcerts[] = {
    {"봄밤의 재즈 — Spring Night Jazz",
     "세종문화회관 체임버홀",
     {{"VIP", 1, 10, 150000}, {"R", 11, 30, 100000}, {"S", 31, 50, 60000}}},
    {"서울 필하모닉 신년 음악회",
     "예술의전당 콘서트홀",
     {{"VIP", 1, 10, 300000}, {"R", 11, 30, 200000}, {"S", 31, 50, 120000}}},
    {"인디 록 나이트 — Indie Rock Night",
     "홍대 롤링홀",
     {{"R", 1, 20, 55000}, {"S", 21, 40, 33000}, {"A", 41, 50, 10000}}},
};

const char* const kFamilyNames[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"};
const char* const kGivenNames[] = {"민준", "서연", "도윤", "하은", "시우",
                                   "지우", "예준", "서윤", "주원", "지호"};

constexpr int kSeedLock = 712002;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr qint64 kEveningUtcMs = 10LL * 60 * 60 * 1000; // 19:00 in Seoul

} // namespace

Result<bool> DemoSeeder::seedIfEmpty(Database& db, const Clock& clock)
{
    CatalogueRepository catalogue;
    CustomerRepository customers;
    Connection* conn = BO_TRY(db.connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    // Terminals starting together: one seeds, the others wait and find it done.
    BO_CHECK(conn->serialize(kSeedLock));
    if (BO_TRY(catalogue.concertCount(*conn)) + BO_TRY(customers.count(*conn)) > 0)
        return false;
    const qint64 now = clock.nowMs();
    for (int c = 0; c < 3; ++c) {
        const DemoConcert& dc = kConcerts[c];
        // Ids come from the engine (explicit ids would leave PostgreSQL's sequences behind);
        // on an empty database they are 1, 2, 3 as the demo promises.
        const qint64 concertId = BO_TRY(catalogue.insertConcert(*conn, QString::fromUtf8(dc.title),
                                                                QString::fromUtf8(dc.venue)));
        for (int week = 1; week <= 4; ++week) {
            const qint64 startsAt = (now / kDayMs + 7 * week + c) * kDayMs + kEveningUtcMs;
            const qint64 scheduleId = BO_TRY(catalogue.insertSchedule(*conn, concertId, startsAt));
            QList<SeatInfo> seats;
            for (const Tier& t : dc.tiers) {
                for (int number = t.firstSeat; number <= t.lastSeat; ++number) {
                    SeatInfo seat;
                    seat.scheduleId = scheduleId;
                    seat.number = number;
                    seat.tier = QString::fromLatin1(t.name);
                    seat.price = t.price;
                    seats << seat;
                }
            }
            BO_CHECK(catalogue.insertSeats(*conn, seats));
        }
    }
    for (int i = 1; i <= 100; ++i) {
        const QString name = QString::fromUtf8(kFamilyNames[(i - 1) % 10]) +
                             QString::fromUtf8(kGivenNames[((i - 1) / 10 + (i - 1) * 3) % 10]);
        const QString phone = QStringLiteral("010-%1-%2")
                                  .arg(1000 + (i * 7919) % 9000, 4, 10, QLatin1Char('0'))
                                  .arg(1000 + (i * 104729) % 9000, 4, 10, QLatin1Char('0'));
        BO_TRY(customers.insert(*conn, name, phone, now));
    }
    BO_CHECK(tx.commit());
    return true;
}

Result<qint64> DemoSeeder::seedLargeVenue(Database& db, const Clock& clock)
{
    CatalogueRepository catalogue;
    const VenueLayout layout = BO_TRY(VenueLayout::builtIn(QStringLiteral("arena50k")));
    Connection* conn = BO_TRY(db.connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = clock.nowMs();
    const qint64 concertId = BO_TRY(catalogue.insertConcert(
        *conn, QStringLiteral("스타디움 라이브 — Stadium Live"), layout.title));
    const qint64 bigSchedule = BO_TRY(catalogue.insertSchedule(
        *conn, concertId, (now / kDayMs + 10) * kDayMs + kEveningUtcMs, layout.name));
    QList<SeatInfo> seats;
    int number = 0;
    for (const VenueLayout::Section& s : layout.sections) {
        for (int row = 1; row <= s.rows; ++row) {
            for (int place = 1; place <= s.seatsPerRow; ++place) {
                SeatInfo seat;
                seat.scheduleId = bigSchedule;
                seat.number = ++number;
                seat.section = s.name;
                seat.row = QString::number(row);
                seat.tier = s.tier;
                seat.price = s.price;
                seat.posX = s.x + place - 1;
                seat.posY = s.y + row - 1;
                seat.label = QStringLiteral("%1-%2-%3").arg(s.name).arg(row).arg(place);
                seats << seat;
            }
        }
    }
    BO_CHECK(catalogue.insertSeats(*conn, seats));
    BO_CHECK(tx.commit());
    return bigSchedule;
}

} // namespace boxoffice
