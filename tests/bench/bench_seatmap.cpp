// Seat map at stadium size: SeatMapModel load time and SeatMapView full-viewport
// paint time for the 50,000-seat layout, each beside a baseline measured in the same run:
//  - load: the same SELECT stepped through the raw sqlite3 API (what the storage alone costs);
//  - paint: QPainter filling the same number of rounded cells (what drawing alone costs).
// Usage: bench_seatmap [--quick]. Prints a table; exits non-zero only if something fails.

#include "support/TestSupport.h"

#include "SeatMapModel.h"
#include "seatmap/SeatMapView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextStream>

#include <sqlite3.h>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The seatMap query on the raw C API, every column read, as the model's loader does.
double rawLoadMs(const QString& path, qint64 scheduleId, qint64 now, int* rows)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    const char* sql =
        "SELECT st.id, st.seat_number, st.section, st.row_label, st.tier, st.price, r.status,"
        " r.customer_id, r.expires_at, st.pos_x, st.pos_y,"
        " COALESCE(st.label, CAST(st.seat_number AS TEXT)) FROM seats st LEFT JOIN reservations r"
        " ON r.seat_id = st.id AND r.status IN ('HELD', 'PAID') AND (r.status = 'PAID' OR"
        " r.expires_at > ?) WHERE st.schedule_id = ? ORDER BY st.seat_number";
    QElapsedTimer t;
    t.start();
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, now);
    sqlite3_bind_int64(st, 2, scheduleId);
    *rows = 0;
    qint64 sink = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < 12; ++c) {
            if (sqlite3_column_type(st, c) == SQLITE_TEXT)
                sink += sqlite3_column_bytes(st, c);
            else
                sink += sqlite3_column_int64(st, c);
        }
        ++*rows;
    }
    sqlite3_finalize(st);
    const double ms = msSince(t);
    sqlite3_close(db);
    return sink == 42 ? ms + 0.0 : ms;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int rounds = quick ? 3 : 10;
    QTextStream out(stdout);

    TestEngine engine;
    const auto big = DemoSeeder::seedLargeVenue(*engine->db, engine.clock);
    if (!big) {
        out << "cannot seed the large venue: " << big.error().english << Qt::endl;
        return 1;
    }
    out << "Box Office seat-map benchmark (" << (quick ? "quick" : "full") << " run), Qt "
        << qVersion() << ", schedule " << *big << Qt::endl;

    // Load: through the EngineHost as the window does (read on the worker, applied here).
    TestHost host(engine);
    SeatMapModel model(*host);
    double modelMs = 1e9;
    double rawMs = 1e9;
    int rawRows = 0;
    for (int i = 0; i < rounds; ++i) {
        (void)awaited(model.setSchedule(0));
        QElapsedTimer t;
        t.start();
        if (!awaited(model.setSchedule(*big))) {
            out << "model load failed" << Qt::endl;
            return 1;
        }
        modelMs = std::min(modelMs, msSince(t));
        rawMs = std::min(rawMs, rawLoadMs(engine.path(), *big, engine.clock.nowMs(), &rawRows));
    }
    if (model.rowCount() != 50000 || rawRows != 50000) {
        out << "expected 50,000 seats, got " << model.rowCount() << " / " << rawRows << Qt::endl;
        return 1;
    }
    out << Qt::endl << "Load (best of " << rounds << "):" << Qt::endl;
    out << QStringLiteral("  %1 %2 %3")
               .arg(QStringLiteral("SeatMapModel::setSchedule"), -44)
               .arg(modelMs, 8, 'f', 1)
               .arg(QStringLiteral("ms"))
        << Qt::endl;
    out << QStringLiteral("  %1 %2 %3")
               .arg(QStringLiteral("baseline: same SELECT, raw sqlite3"), -44)
               .arg(rawMs, 8, 'f', 1)
               .arg(QStringLiteral("ms"))
        << Qt::endl;
    out << QStringLiteral("  ratio %1x   target: load <= 200 ms -> %2")
               .arg(modelMs / rawMs, 0, 'f', 2)
               .arg(modelMs <= 200 ? QStringLiteral("met") : QStringLiteral("missed"))
        << Qt::endl;

    // Paint: a full 1920x1080 viewport, at the default zoom and at the smallest.
    SeatMapView view;
    view.setModel(&model);
    view.resize(1920, 1080);
    view.show();
    app.processEvents();
    out << Qt::endl << "Full-viewport paint, 1920x1080 (best of " << rounds * 3 << "):" << Qt::endl;
    bool paintMet = true;
    for (int cell : {36, 12}) {
        view.setCellSize(cell);
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum() / 2);
        app.processEvents();
        QImage target(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        double paintMs = 1e9;
        for (int i = 0; i < rounds * 3; ++i) {
            QElapsedTimer t;
            t.start();
            view.viewport()->render(&target);
            paintMs = std::min(paintMs, msSince(t));
        }
        const int visible =
            (view.viewport()->width() / cell + 1) * (view.viewport()->height() / cell + 1);
        double baseMs = 1e9;
        for (int i = 0; i < rounds * 3; ++i) {
            QImage img(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
            QElapsedTimer t;
            t.start();
            QPainter p(&img);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::darkBlue);
            p.setBrush(Qt::white);
            for (int y = 0; y * cell < img.height(); ++y)
                for (int x = 0; x * cell < img.width(); ++x)
                    p.drawRoundedRect(QRectF(x * cell + 2.5, y * cell + 2.5, cell - 5, cell - 5), 3,
                                      3);
            p.end();
            baseMs = std::min(baseMs, msSince(t));
        }
        paintMet = paintMet && paintMs <= 16;
        out << QStringLiteral(
                   "  cell %1 px, ~%2 seats in view: SeatMapView %3 ms, baseline (rounded"
                   " rects only) %4 ms, ratio %5x")
                   .arg(cell)
                   .arg(visible)
                   .arg(paintMs, 0, 'f', 2)
                   .arg(baseMs, 0, 'f', 2)
                   .arg(paintMs / baseMs, 0, 'f', 2)
            << Qt::endl;
    }
    out << "  target: paint <= 16 ms -> " << (paintMet ? "met" : "missed") << Qt::endl;
    return 0;
}
