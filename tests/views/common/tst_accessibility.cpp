// What assistive technology reads back (through QAccessible): the seat map as a table of seats
// with label, tier, price and state; the hold's last 30 seconds announced; a name and a
// description on every control of the staff window and the kiosk, in both languages; the focus
// drawn on the current seat.

#include "support/TestSupport.h"

#include "SeatMapModel.h"
#include "common/UiLanguage.h"
#include "kiosk/KioskWindow.h"
#include "sale/HoldPanel.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// The controls a person works: everything that takes a click, a key or text.
QList<QWidget*> controls(QWidget* window)
{
    QList<QWidget*> out;
    for (QWidget* w : window->findChildren<QWidget*>()) {
        // Parts of another control (a line edit's clear button, a table's header) are read out
        // as that control's.
        QWidget* parent = w->parentWidget();
        if (qobject_cast<QLineEdit*>(parent) || qobject_cast<QAbstractItemView*>(parent) ||
            qobject_cast<QComboBox*>(parent) || w->inherits("QHeaderView") ||
            w->window() != window) // a combo box's popup list
            continue;
        if (qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
            qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w))
            out << w;
    }
    return out;
}

bool hasHangul(const QString& text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<TestHost> m_host;
    void settle() { QVERIFY(settleHost(**m_host)); }

    // Every control of `window` named and described (buttons name themselves by their text).
    void everyControlIsDescribed(QWidget* window, bool korean)
    {
        for (QWidget* w : controls(window)) {
            if (w->objectName().startsWith(QLatin1String("qt_")))
                continue; // Qt's own parts of a widget (scroll bars' buttons, …)
            QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
            QVERIFY(a);
            const QString name = a->text(QAccessible::Name);
            const QString description = a->text(QAccessible::Description);
            const QString what = QStringLiteral("%1 (%2)").arg(
                w->objectName(), QString::fromLatin1(w->metaObject()->className()));
            QVERIFY2(!name.isEmpty(), qPrintable(QStringLiteral("no name: ") + what));
            QVERIFY2(!description.isEmpty(), qPrintable(QStringLiteral("no description: ") + what));
            if (korean)
                QVERIFY2(
                    hasHangul(description),
                    qPrintable(QStringLiteral("not in Korean: %1: %2").arg(what, description)));
        }
    }

private Q_SLOTS:
    void initTestCase() { QAccessible::setActive(true); }

    void init()
    {
        applyUiLanguage(QStringLiteral("en"));
        m_engine = std::make_unique<TestEngine>();
        m_host = std::make_unique<TestHost>(*m_engine);
    }

    void cleanup()
    {
        m_host.reset();
        m_engine.reset();
    }

    void theSeatMapIsATableOfSeats()
    {
        MainWindow window(**m_host);
        window.show();
        settle();
        SaleSession& sale = window.session();
        sale.selectCustomer(1);
        settle();
        sale.selectConcert(1);
        settle();
        m_engine->admitNow();
        m_engine->clock.advanceMs(QueueModel::kPollIntervalMs);
        settle();
        auto* view = window.findChild<SeatMapView*>(QStringLiteral("seatMap"));
        QAccessibleInterface* map = QAccessible::queryAccessibleInterface(view);
        QVERIFY(map);
        QCOMPARE(map->role(), QAccessible::Table);
        QCOMPARE(map->childCount(), 50);
        QAccessibleInterface* seven = map->child(sale.seats().rowOfNumber(7));
        QVERIFY(seven);
        QCOMPARE(seven->role(), QAccessible::Cell);
        QCOMPARE(seven->text(QAccessible::Name), QStringLiteral("Seat 7"));
        const QString described = seven->text(QAccessible::Description);
        QVERIFY2(described.contains(QLatin1String("VIP")) &&
                     described.contains(QLatin1String("150,000 KRW")) &&
                     described.contains(QLatin1String("Available")),
                 qPrintable(described));
        QCOMPARE(map->indexOfChild(seven), sale.seats().rowOfNumber(7));
        QVERIFY(!seven->state().checked);
        sale.activateSeat(sale.seats().rowOfNumber(7));
        settle();
        QVERIFY2(seven->text(QAccessible::Description).contains(QLatin1String("Held for this")),
                 qPrintable(seven->text(QAccessible::Description)));
        QVERIFY(seven->state().checked);
        // The current seat is the focused cell.
        view->setFocus();
        view->setCurrentIndex(sale.seats().index(sale.seats().rowOfNumber(12)));
        QAccessibleInterface* focused = map->focusChild();
        QVERIFY(focused);
        QCOMPARE(focused->text(QAccessible::Name), QStringLiteral("Seat 12"));
        QVERIFY(focused->state().focused);
    }

    void theLastThirtySecondsAreAnnounced()
    {
        MainWindow window(**m_host);
        window.show();
        settle();
        SaleSession& sale = window.session();
        sale.selectCustomer(2);
        settle();
        sale.selectConcert(1);
        settle();
        m_engine->admitNow();
        m_engine->clock.advanceMs(QueueModel::kPollIntervalMs);
        settle();
        sale.activateSeat(sale.seats().rowOfNumber(20));
        settle();
        auto* panel = window.findChild<HoldPanel*>(QStringLiteral("holdPanel"));
        QSignalSpy announced(panel, &HoldPanel::announced);
        m_engine->clock.advanceMs(269'000);
        settle();
        QCOMPARE(announced.count(), 0);
        m_engine->clock.advanceMs(1'000);
        settle();
        QCOMPARE(announced.count(), 1);
        QVERIFY(announced.at(0).at(0).toString().contains(QLatin1String("Seat 20")));
        // What a screen reader reads of the message is that same text.
        auto* message = window.findChild<QLabel*>(QStringLiteral("holdMessage"));
        QVERIFY(QAccessible::queryAccessibleInterface(message)
                    ->text(QAccessible::Name)
                    .contains(QLatin1String("under 30 seconds")));
    }

    void everyControlHasANameAndADescription_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }

    void everyControlHasANameAndADescription()
    {
        QFETCH(QString, lang);
        applyUiLanguage(lang);
        {
            MainWindow window(**m_host);
            window.show();
            settle();
            everyControlIsDescribed(&window, lang == QLatin1String("ko"));
        }
        {
            KioskWindow kiosk(**m_host, KioskWindow::Options{});
            kiosk.show();
            settle();
            everyControlIsDescribed(&kiosk, lang == QLatin1String("ko"));
        }
    }

    void theFocusIsDrawnOnTheCurrentSeat()
    {
        MainWindow window(**m_host);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        settle();
        window.session().selectCustomer(3);
        settle();
        window.session().selectConcert(1);
        settle();
        auto* view = window.findChild<SeatMapView*>(QStringLiteral("seatMap"));
        view->setLockedReason({});
        const QModelIndex seat = window.session().seats().index(5);
        view->setCurrentIndex(seat);
        const auto picture = [view, seat] {
            QImage image(view->viewport()->size(), QImage::Format_RGB32);
            view->viewport()->render(&image);
            return image.copy(view->visualRect(seat));
        };
        view->clearFocus();
        const QImage without = picture();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QVERIFY2(picture() != without, "the focused seat looks like any other");
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
