// Widget tests of the staff window (offscreen): the whole sale clicked through, and the ways it
// goes wrong. The engine runs on the EngineHost's worker thread; time moves only when a test
// moves the ManualClock, which fires the window's timers (polls, countdowns, the change watch).

#include "support/TestSupport.h"

#include "HoldsModel.h"
#include "PaymentTicketsModel.h"
#include "ScheduleListModel.h"
#include "SeatMapModel.h"
#include "common/StatusLine.h"
#include "common/UiLanguage.h"
#include "customers/CustomerPage.h"
#include "door/CheckInWindow.h"
#include "door/PerformanceChooser.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "tickets/TicketsPanel.h"
#include "wallet/WalletDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// Counts a widget's paint events: proof that it repaints.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<TestHost> m_host;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T* child(const char* name)
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    SeatMapView* seatView() { return child<SeatMapView>("seatMap"); }
    SeatMapModel& seats() { return m_window->session().seats(); }
    QModelIndex seatIndex(int number) { return seats().index(seats().rowOfNumber(number)); }
    SeatState seatState(int number)
    {
        return SeatState(seatIndex(number).data(SeatMapModel::StateRole).toInt());
    }
    // Lets every call the window made come back and its answer land, including the calls those
    // answers make in turn (a continuation may post the next one, so several rounds of events).
    void settle() { QVERIFY(settleHost(**m_host)); }
    // Time passes on the window's clock; its timers fire; what they asked for comes back.
    void advance(qint64 ms)
    {
        m_engine->clock.advanceMs(ms);
        settle();
    }
    void clickSeat(int number)
    {
        const QRect r = seatView()->visualRect(seatIndex(number));
        QVERIFY(r.isValid());
        QTest::mouseClick(seatView()->viewport(), Qt::LeftButton, {}, r.center());
        settle();
    }
    void click(const char* button)
    {
        QTest::mouseClick(child<QPushButton>(button), Qt::LeftButton);
        settle();
    }
    void clickRow(QListView* list, int row)
    {
        const QRect r = list->visualRect(list->model()->index(row, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
        settle();
    }
    int holdRows() { return child<QTableView>("holdsTable")->model()->rowCount(); }
    QString label(const char* name) { return child<QLabel>(name)->text(); }
    void findCustomer(const QString& text)
    {
        auto* search = child<QLineEdit>("customerSearch");
        search->clear();
        search->insert(text); // keyClicks types Latin-1 only
        QTest::keyClick(search, Qt::Key_Return);
        settle();
    }

    // Whether a dialog is in the way (the happy path has none).
    static bool anyDialogShown()
    {
        if (QApplication::activeModalWidget())
            return true;
        const auto windows = QApplication::topLevelWidgets();
        return std::any_of(windows.begin(), windows.end(), [](QWidget* w) {
            return w->isVisible() && (qobject_cast<QDialog*>(w) || qobject_cast<QMenu*>(w));
        });
    }
    // One action of a person (a click, a key, a chord), counted; the window then settles and
    // must not have opened a dialog.
    template <typename F> void act(int& actions, F&& f)
    {
        f();
        ++actions;
        settle();
        QVERIFY2(!anyDialogShown(), "a dialog opened on the happy path");
    }
    // Customer 1 found by number (typing and the Enter that submits it are the finding).
    void customerOneFound()
    {
        findCustomer(QStringLiteral("1"));
        QCOMPARE(m_window->session().customer().id, qint64(1));
    }
    void admitEveryone()
    {
        m_engine->admitNow();
        advance(QueueModel::kPollIntervalMs); // waiting is not an action
    }

    // Customer 1 found by number, concert 1 chosen (its first date comes by itself), queue
    // joined, admitted.
    void admitCustomerOne()
    {
        findCustomer(QStringLiteral("1"));
        QCOMPARE(m_window->session().customer().id, qint64(1));
        clickRow(child<QListView>("concertList"), 0);
        QVERIFY(m_window->session().scheduleId() > 0);
        click("joinQueueButton");
        QVERIFY2(label("queueState").contains(QLatin1String("Waiting")),
                 qPrintable(label("queueState")));
        QVERIFY(seatView()->lockedReason().contains(QLatin1String("Waiting")));
        m_engine->admitNow();
        advance(QueueModel::kPollIntervalMs);
        QVERIFY2(label("queueState").contains(QLatin1String("Choosing seats")),
                 qPrintable(label("queueState")));
        QVERIFY2(seatView()->lockedReason().isEmpty(), qPrintable(seatView()->lockedReason()));
    }

    // Another customer holds a seat through their own connection, on another thread.
    void holdFromAnotherConnection(qint64 customerId, int seatNumber)
    {
        const QString token = m_engine->activeToken(customerId, 1);
        const qint64 scheduleId = seats().scheduleId();
        bool ok = false;
        std::thread other(
            [&] { ok = bool((*m_engine)->reservations.hold(token, scheduleId, seatNumber)); });
        other.join();
        QVERIFY(ok);
    }

    // A sale of seat 7 to customer 1, the charge and payment confirmed in place.
    void sellSevenToCustomerOne()
    {
        admitCustomerOne();
        clickSeat(7);
        click("chargeAndPayButton");
        click("chargeAndPayButton");
        QCOMPARE(seatState(7), SeatState::Sold);
    }

private Q_SLOTS:
    void initTestCase()
    {
        setUiLanguage(Language::English);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_engine = std::make_unique<TestEngine>();
        m_host = std::make_unique<TestHost>(*m_engine);
        m_window = std::make_unique<MainWindow>(**m_host);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        settle();
    }

    void cleanup()
    {
        m_window.reset();
        m_host.reset();
        m_engine.reset();
    }

    void statusBarNamesTheDatabase()
    {
        // The file path on SQLite; on PostgreSQL the server and database (never the password).
        const QString text = label("databaseLabel");
        QVERIFY2(text.contains((*m_engine)->db->displayName()), qPrintable(text));
        if (m_engine->isPostgres())
            QVERIFY2(text.contains(QLatin1String("postgres://")), qPrintable(text));
        else
            QVERIFY2(text.contains(m_engine->path()), qPrintable(text));
    }

    void seatsStayLockedUntilAdmitted()
    {
        QVERIFY(!seatView()->lockedReason().isEmpty());
        admitCustomerOne();
        QCOMPARE(seatState(7), SeatState::Available);
    }

    void wholeSaleWithChargeAndPayInPlace()
    {
        admitCustomerOne();
        clickSeat(7);
        QVERIFY2(
            seatState(7) == SeatState::HeldByMe,
            qPrintable(seatView()->inlineMessage() + QLatin1String(" | ") + label("holdMessage")));
        QCOMPARE(holdRows(), 1);
        QCOMPARE(child<QTableView>("holdsTable")
                     ->model()
                     ->index(0, HoldsModel::TimeLeftColumn)
                     .data()
                     .toString(),
                 QStringLiteral("5:00"));
        // The balance is short: the panel says by how much and offers to charge and pay.
        auto* row = child<QWidget>("chargeRow");
        QVERIFY(row->isVisible());
        QVERIFY2(label("shortfallLabel").contains(QLatin1String("150,000")),
                 qPrintable(label("shortfallLabel")));
        QCOMPARE(child<QLineEdit>("chargeAndPayAmount")->text(), QStringLiteral("150,000"));
        click("chargeAndPayButton"); // asks for the confirmation in place
        QVERIFY(
            child<QPushButton>("chargeAndPayButton")->text().contains(QLatin1String("Confirm")));
        QCOMPARE(*(*m_engine)->wallet.balance(1), qint64(0));
        click("chargeAndPayButton");
        QVERIFY2(label("holdMessage").contains(QLatin1String("Payment number")),
                 qPrintable(label("holdMessage")));
        QCOMPARE(seatState(7), SeatState::Sold);
        QCOMPARE(holdRows(), 0);
        QCOMPARE(*(*m_engine)->wallet.balance(1), qint64(0)); // charged 150,000, paid 150,000
        QVERIFY(label("holdMessage").contains(QLatin1String("Payment number")));
        QVERIFY(!row->isVisible());
        QCOMPARE(label("queueState"), QStringLiteral("Paid"));
        // The token is used up: seats are locked again, with the reason.
        QVERIFY(seatView()->lockedReason().contains(QLatin1String("Paid")));
        // The next customer inherits none of it (and, the concert being chosen, joins its queue).
        findCustomer(QStringLiteral("2"));
        QVERIFY2(label("holdMessage").isEmpty(), qPrintable(label("holdMessage")));
        QCOMPARE(label("queueState"), QStringLiteral("Waiting"));
        QVERIFY(!child<QWidget>("chargeRow")->isVisible());
        QVERIFY(label("queueAnnouncement").isEmpty());
    }

    void aSaleWithTheMouseTakesFourActionsAndNoDialog()
    {
        customerOneFound();
        int actions = 0;
        // Choosing the concert joins its queue and picks its first date.
        act(actions, [&] { clickRow(child<QListView>("concertList"), 0); });
        QVERIFY(label("queueState").contains(QLatin1String("Waiting")));
        admitEveryone();
        act(actions, [&] { clickSeat(7); });
        act(actions, [&] { click("chargeAndPayButton"); }); // the shortfall, pre-filled
        act(actions, [&] { click("chargeAndPayButton"); }); // its one confirmation
        QCOMPARE(seatState(7), SeatState::Sold);
        QVERIFY2(label("holdMessage").contains(QLatin1String("Payment number")),
                 qPrintable(label("holdMessage")));
        qInfo() << "mouse: customer found -> seat paid in" << actions << "actions";
        QVERIFY(actions <= 6);
    }

    void aSaleByKeyboardAloneTakesFiveActionsAndNoDialog()
    {
        customerOneFound();
        int actions = 0;
        QWidget* w = m_window.get();
        // Alt+O goes to the concerts, and the first is chosen as the list gets the focus (Down
        // would choose the next).
        act(actions, [&] { QTest::keyClick(w, Qt::Key_O, Qt::AltModifier); });
        QVERIFY(child<QListView>("concertList")->hasFocus());
        QCOMPARE(m_window->session().concertId(), qint64(1));
        admitEveryone();
        act(actions, [&] { QTest::keyClick(w, Qt::Key_M, Qt::ControlModifier); }); // the map
        QVERIFY(seatView()->hasFocus());
        act(actions, [&] { QTest::keyClick(seatView(), Qt::Key_Space); }); // the first free seat
        QCOMPARE(holdRows(), 1);
        act(actions,
            [&] { QTest::keyClick(w, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier); });
        act(actions, [&] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space); });
        QCOMPARE(holdRows(), 0);
        QVERIFY2(label("holdMessage").contains(QLatin1String("Payment number")),
                 qPrintable(label("holdMessage")));
        qInfo() << "keyboard: customer found -> seat paid in" << actions << "actions";
        QVERIFY(actions <= 6);
    }

    void aHoldMessageGoesWithTheCustomer()
    {
        admitCustomerOne();
        clickSeat(12);
        QVERIFY(label("holdMessage").contains(QLatin1String("Seat 12 held until")));
        findCustomer(QStringLiteral("2"));
        QVERIFY2(!label("holdMessage").contains(QLatin1String("Seat 12")),
                 qPrintable(label("holdMessage")));
        QCOMPARE(holdRows(), 0); // customer 2 holds nothing
    }

    void noAdmissionNewsOnceTheTokenIsUsed()
    {
        admitCustomerOne();
        QVERIFY(label("queueAnnouncement").contains(QLatin1String("may now choose seats")));
        QVERIFY((*m_engine)->wallet.charge(1, 200'000));
        clickSeat(4);
        click("payButton");
        QCOMPARE(label("queueState"), QStringLiteral("Paid"));
        QVERIFY2(label("queueAnnouncement").isEmpty(), qPrintable(label("queueAnnouncement")));
        QVERIFY(
            !child<QWidget>("queueStatusBox")->autoFillBackground()); // not the admission's green
    }

    void aHoldNearItsEndSaysSoAndGoesWithItsSeat()
    {
        admitCustomerOne();
        clickSeat(12);
        advance(270'000 - 1'000);
        QVERIFY(!label("holdMessage").contains(QLatin1String("30 seconds")));
        advance(1'000); // 30 s left
        QVERIFY2(label("holdMessage").contains(QLatin1String("Seat 12: under 30 seconds")),
                 qPrintable(label("holdMessage")));
        // The moment it runs out, its row and its seat go together, before any read.
        m_engine->clock.advanceMs(30'000);
        QCOMPARE(holdRows(), 0);
        QCOMPARE(seatState(12), SeatState::Available);
        QVERIFY2(label("holdMessage").contains(QLatin1String("12")) &&
                     label("holdMessage").contains(QLatin1String("ran out")),
                 qPrintable(label("holdMessage")));
        settle();
        QCOMPARE(seatState(12), SeatState::Available);
    }

    void choosingConcertsAndDatesNeverMovesAColumn()
    {
        // A concert with a title far longer than its column.
        QVERIFY(scalar(*(*m_engine)->db,
                       QStringLiteral("INSERT INTO concerts (title, venue) VALUES (?, ?)"
                                      " RETURNING id"),
                       {QStringLiteral("The Very Long Named Festival Of Everything ").repeated(4),
                        QStringLiteral("Somewhere")})
                    .isValid());
        QVERIFY(awaitedOk(m_window->session().loadConcerts()));
        auto* split = child<QSplitter>("mainSplitter");
        findCustomer(QStringLiteral("3"));
        const QList<int> before = split->sizes();
        for (int concert = 0; concert < 5; ++concert) {
            clickRow(child<QListView>("concertList"), concert);
            QCOMPARE(split->sizes(), before);
            auto* dates = child<QListView>("scheduleList");
            for (int row = 0; row < dates->model()->rowCount(); ++row) {
                clickRow(dates, row);
                QCOMPARE(split->sizes(), before);
            }
        }
        // Nor does a sale's longest text: the confirmation on Charge and pay.
        findCustomer(QStringLiteral("1"));
        clickRow(child<QListView>("concertList"), 1);
        admitEveryone();
        clickSeat(1);
        click("chargeAndPayButton");
        QVERIFY(
            child<QPushButton>("chargeAndPayButton")->text().contains(QLatin1String("Confirm")));
        QCOMPARE(split->sizes(), before);
    }

    void datesAndSeatCountsAreNeverCut()
    {
        findCustomer(QStringLiteral("3"));
        auto* dates = child<QListView>("scheduleList");
        for (int concert = 0; concert < 4; ++concert) {
            clickRow(child<QListView>("concertList"), concert);
            for (int row = 0; row < dates->model()->rowCount(); ++row) {
                const QModelIndex i = dates->model()->index(row, 0);
                const QRect r = dates->visualRect(i);
                const QRect needed = dates->fontMetrics().boundingRect(
                    QRect(0, 0, r.width() - 8, 10'000), Qt::TextWordWrap, i.data().toString());
                QVERIFY2(needed.height() <= r.height() && needed.width() <= r.width(),
                         qPrintable(i.data().toString()));
            }
        }
    }

    void takenSeatSaysSoInPlace()
    {
        admitCustomerOne();
        // Taken mid-way by another connection; this window has not refreshed yet.
        holdFromAnotherConnection(2, 8);
        QCOMPARE(seatState(8), SeatState::Available);
        clickSeat(8);
        QCOMPARE(seatView()->inlineMessage(), QStringLiteral("This seat has already been taken."));
        QCOMPARE(holdRows(), 0);
        // Clicking it again, now that the map knows, says the same without asking the service.
        QCOMPARE(seatState(8), SeatState::HeldByOther);
        clickSeat(8);
        QCOMPARE(seatView()->inlineMessage(), QStringLiteral("This seat has already been taken."));
    }

    void otherTerminalsChangesAppearWithoutReset()
    {
        admitCustomerOne();
        seatView()->setCurrentIndex(seatIndex(33));
        QSignalSpy resets(&seats(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(&seats(), &QAbstractItemModel::dataChanged);
        holdFromAnotherConnection(3, 20);
        // The change watch looks every 250 ms of the window's clock; no user action. (On
        // PostgreSQL the notification takes its own time to arrive.)
        QTRY_VERIFY((advance(250), seatState(20) == SeatState::HeldByOther));
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 1);
        QCOMPARE(seatView()->currentIndex(), seatIndex(33));
    }

    void holdRunsOutAndSeatFreesItself()
    {
        admitCustomerOne();
        clickSeat(12);
        QCOMPARE(holdRows(), 1);
        advance(61'000);
        QCOMPARE(child<QTableView>("holdsTable")
                     ->model()
                     ->index(0, HoldsModel::TimeLeftColumn)
                     .data()
                     .toString(),
                 QStringLiteral("3:59"));
        advance(239'000);
        QCOMPARE(holdRows(), 0);
        QCOMPARE(seatState(12), SeatState::Available);
        QVERIFY2(label("holdMessage").contains(QLatin1String("ran out of time")) &&
                     label("holdMessage").contains(QLatin1String("12")),
                 qPrintable(label("holdMessage")));
    }

    // The chosen date's "N seats left" says what the map says after a hold here, one from
    // another terminal, and a hold that runs out.
    void theDatesCountFollowsTheMap()
    {
        admitCustomerOne();
        auto* dates = child<QListView>("scheduleList");
        auto left = [&] {
            return dates->currentIndex().data(ScheduleListModel::AvailableRole).toInt();
        };
        const int before = left();
        QCOMPARE(before, seats().count(SeatState::Available));
        clickSeat(12);
        QTRY_COMPARE(left(), before - 1);
        holdFromAnotherConnection(2, 13);
        QTRY_VERIFY((advance(250), seatState(13) == SeatState::HeldByOther));
        QTRY_COMPARE(left(), before - 2);
        QVERIFY2(dates->currentIndex().data().toString().contains(QString::number(before - 2)),
                 qPrintable(dates->currentIndex().data().toString()));
        advance(300'000); // both holds run out
        QTRY_COMPARE(left(), before);
        QCOMPARE(left(), seats().count(SeatState::Available));
    }

    void insufficientBalanceChangesNothing()
    {
        admitCustomerOne();
        clickSeat(1);
        click("payButton");
        QVERIFY2(label("holdMessage").contains(QLatin1String("150,000 KRW short")),
                 qPrintable(label("holdMessage")));
        QCOMPARE(seatState(1), SeatState::HeldByMe);
        QCOMPARE(*(*m_engine)->wallet.balance(1), qint64(0));
        // Releasing the seat takes the shortfall message with it.
        click("releaseButton");
        QCOMPARE(holdRows(), 0);
        QVERIFY2(!label("holdMessage").contains(QLatin1String("short")),
                 qPrintable(label("holdMessage")));
    }

    void walletRefusesWrongAmounts_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("abc") << QStringLiteral("abc") << false;
        QTest::newRow("zero") << QStringLiteral("0") << false;
        QTest::newRow("negative") << QStringLiteral("-5") << false;
        QTest::newRow("fraction") << QStringLiteral("12.5") << false;
        QTest::newRow("too much") << QStringLiteral("1,000,001") << false;
        QTest::newRow("1e20") << QStringLiteral("1e20") << false;
        QTest::newRow("separators") << QStringLiteral("50,000") << true;
        QTest::newRow("plain") << QStringLiteral("1000000") << true;
    }

    void walletRefusesWrongAmounts()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        findCustomer(QStringLiteral("4"));
        QTest::keyClick(m_window.get(), Qt::Key_B, Qt::ControlModifier);
        WalletDialog* wallet = m_window->walletDialog();
        QTRY_VERIFY(wallet->isVisible());
        auto* amount = wallet->findChild<QLineEdit*>(QStringLiteral("chargeAmount"));
        auto* charge = wallet->findChild<QPushButton*>(QStringLiteral("chargeButton"));
        QTest::keyClicks(amount, typed);
        QCOMPARE(charge->isEnabled(), accepted);
        const QString message = wallet->findChild<QLabel*>(QStringLiteral("walletMessage"))->text();
        if (!accepted)
            QVERIFY2(message.contains(QLatin1String("1,000,000")), qPrintable(message));
        QTest::keyClick(amount, Qt::Key_Return);
        settle();
        QCOMPARE(*(*m_engine)->wallet.balance(4),
                 accepted ? *WalletService::parseAmount(typed) : 0);
    }

    void walletExplainsTheBalanceCeiling()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY((*m_engine)->wallet.charge(5, 1000000));
        findCustomer(QStringLiteral("5"));
        click("walletButton");
        WalletDialog* wallet = m_window->walletDialog();
        settle();
        QTest::mouseClick(wallet->findChild<QPushButton*>(QStringLiteral("quick10000")),
                          Qt::LeftButton);
        QVERIFY(!wallet->findChild<QPushButton*>(QStringLiteral("chargeButton"))->isEnabled());
        QVERIFY(wallet->findChild<QLabel*>(QStringLiteral("walletMessage"))
                    ->text()
                    .contains(QLatin1String("10,000,000")));
        QCOMPARE(wallet->findChild<QTableView*>(QStringLiteral("ledgerTable"))->model()->rowCount(),
                 10);
    }

    void keyboardMovesAndHolds()
    {
        admitCustomerOne();
        seatView()->setFocus();
        seatView()->setCurrentIndex(seatIndex(1));
        QTest::keyClick(seatView(), Qt::Key_Right);
        QTest::keyClick(seatView(), Qt::Key_Down);
        QCOMPARE(seatView()->currentIndex(), seatIndex(12));
        QTest::keyClick(seatView(), Qt::Key_Space);
        settle();
        QCOMPARE(seatState(12), SeatState::HeldByMe);
        // Ctrl+= zooms in, Ctrl+- out.
        const int before = seatView()->cellSize();
        QTest::keyClick(seatView(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(seatView()->cellSize() > before);
        QTest::keyClick(seatView(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(seatView()->cellSize(), before);
    }

    void findByNameListsMatches()
    {
        auto* search = child<QLineEdit>("customerSearch");
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        findCustomer(QStringLiteral("김"));
        auto* results = child<QComboBox>("customerResults");
        QVERIFY(results->count() >= 2);
        QCOMPARE(m_window->session().customer().id, results->itemData(0).toLongLong());
    }

    void anExactMemberNumberIsThatMember()
    {
        // "1" is in many phone numbers; typed whole, it is member 1, and no list is pushed.
        findCustomer(QStringLiteral("1"));
        QCOMPARE(m_window->session().customer().id, qint64(1));
        QVERIFY2(!m_window->statusBar()->currentMessage().contains(QLatin1String("match")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void admissionIsAnnounced()
    {
        findCustomer(QStringLiteral("9"));
        m_window->session().selectConcert(2);
        settle();
        QTest::keyClick(m_window.get(), Qt::Key_J, Qt::ControlModifier);
        settle();
        auto* queueTable = child<QTableView>("queueTable");
        QCOMPARE(queueTable->model()->rowCount(), 1);
        m_engine->admitNow();
        advance(QueueModel::kPollIntervalMs);
        QVERIFY(label("queueAnnouncement").contains(QLatin1String("may now choose seats")));
        QVERIFY(m_window->statusBar()->currentMessage().contains(
            QLatin1String("may now choose seats")));
    }

    void aPaymentMadeElsewhereReadsAsPaid()
    {
        admitCustomerOne();
        clickSeat(3);
        QVERIFY((*m_engine)->wallet.charge(1, 200'000));
        // Another terminal (or the customer's phone) pays with the same token.
        const QString token = m_window->session().token();
        const qint64 reservation = m_window->session().holds().reservationIds().value(0);
        bool paid = false;
        std::thread other([&] { paid = bool((*m_engine)->payments.pay(token, {reservation})); });
        other.join();
        QVERIFY(paid);
        advance(QueueModel::kPollIntervalMs);
        QCOMPARE(label("queueState"), QStringLiteral("Paid"));
    }

    void theWindowStaysLiveWhileTheEngineIsBlocked()
    {
        findCustomer(QStringLiteral("6"));
        auto* join = child<QPushButton>("joinQueueButton");
        // The engine's thread is blocked on purpose, as by a database that does not answer.
        QSemaphore gate;
        QSemaphore inside;
        auto blocked = (*m_host)->call([&](Engine&) -> Result<void> {
            inside.release();
            gate.acquire();
            return {};
        });
        inside.acquire();
        // Choosing the concert joins its queue (and reads its dates): both wait behind the gate.
        auto* concerts = child<QListView>("concertList");
        QTest::mouseClick(concerts->viewport(), Qt::LeftButton, {},
                          concerts->visualRect(concerts->model()->index(1, 0)).center());
        const int pending = (*m_host)->pendingCalls();
        QVERIFY(pending >= 2);
        QVERIFY(!join->isEnabled()); // busy: shows it, and a click sends nothing more
        QTest::mouseClick(join, Qt::LeftButton);
        QCOMPARE((*m_host)->pendingCalls(), pending);
        // Meanwhile the window takes keys and repaints.
        auto* search = child<QLineEdit>("customerSearch");
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("42"));
        QCOMPARE(search->text(), QStringLiteral("642"));
        PaintCounter counter;
        seatView()->viewport()->installEventFilter(&counter);
        seatView()->viewport()->update();
        QTRY_VERIFY(counter.paints > 0);
        QVERIFY(!join->isEnabled());
        gate.release();
        settle();
        QVERIFY(blocked.isFinished());
        QVERIFY(label("queueState").contains(QLatin1String("Waiting")));
        QVERIFY(!join->isEnabled());                         // in line: nothing to join
        QCOMPARE(m_window->session().queue().rowCount(), 1); // joined once, not twice
    }

    void schedulerFailuresReachTheStatusBar()
    {
        m_window.reset();
        m_host = std::make_unique<TestHost>(*m_engine, true);
        m_window = std::make_unique<MainWindow>(**m_host);
        m_window->show();
        settle();
        auto conn = (*m_engine)->db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->runOnce(QStringLiteral("DROP TABLE scheduler_runs")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^scheduler:")));
        m_engine->clock.advanceMs(10'000);
        QTRY_VERIFY2(!m_window->statusBar()->currentMessage().isEmpty(),
                     "the scheduler's failure never reached the window");
        QVERIFY(!m_window->statusBar()->currentMessage().contains(QLatin1String("scheduler_runs")));
    }

    void aLookupThatFailsIsNotNoSuchMember()
    {
        auto conn = (*m_engine)->db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->runOnce(QStringLiteral("ALTER TABLE customers RENAME TO gone")));
        findCustomer(QStringLiteral("7"));
        const QString said = m_window->statusBar()->currentMessage();
        QVERIFY2(!said.isEmpty() && !said.contains(QLatin1String("No member")) &&
                     !said.contains(QLatin1String("No customer")),
                 qPrintable(said));
        QVERIFY2(!said.contains(QLatin1String("gone")) && !said.contains(QLatin1String("SQL")),
                 qPrintable(said));
    }

    void thePaymentsTicketsAppearUntilTheNextCustomer()
    {
        auto* tickets = m_window->ticketsPanel();
        QVERIFY(!tickets->isVisible());
        sellSevenToCustomerOne();
        QVERIFY(tickets->isVisible());
        PaymentTicketsModel& model = m_window->session().paidTickets();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.ticket(0).seatLabel, QStringLiteral("7"));
        QVERIFY(model.isComplete());
        QVERIFY(!child<QLabel>("ticketQr")->pixmap().isNull());
        QVERIFY(child<QPushButton>("printTicketsButton")->isEnabled());
        QVERIFY(child<QPushButton>("saveTicketsButton")->isEnabled());
        // The next customer's sale starts clean.
        findCustomer(QStringLiteral("2"));
        QVERIFY(!tickets->isVisible());
        QCOMPARE(model.paymentId(), qint64(0));
    }

    void whoIsSignedInIsShownAndRecorded()
    {
        QVERIFY(label("operatorLabel").isEmpty());
        m_window->setOperatorName(QStringLiteral("김민지"));
        QCOMPARE(label("operatorLabel"), QStringLiteral("Signed in: 김민지"));
        sellSevenToCustomerOne();
        const QString op = QStringLiteral("김민지");
        QCOMPARE(scalar(*(*m_engine)->db,
                        QStringLiteral("SELECT COUNT(*) FROM payments WHERE"
                                       " operator = ?"),
                        {op})
                     .toInt(),
                 1);
        QCOMPARE(scalar(*(*m_engine)->db,
                        QStringLiteral("SELECT COUNT(*) FROM ledger WHERE operator = ?"), {op})
                     .toInt(),
                 2); // the charge and the payment
    }

    void theDoorMenuOpensACheckInScreenForTheChosenPerformance()
    {
        admitCustomerOne();
        const qint64 schedule = m_window->session().scheduleId();
        QSignalSpy opened(m_window.get(), &MainWindow::checkInOpened);
        child<QAction>("actionCheckIn")->trigger();
        settle();
        auto* chooser = child<PerformanceChooser>("performanceChooser");
        QVERIFY(chooser->isVisible());
        QCOMPARE(chooser->scheduleId(), schedule); // the sale's own, to begin with
        QTest::mouseClick(child<QPushButton>("openCheckInButton"), Qt::LeftButton);
        settle();
        QCOMPARE(opened.size(), 1);
        auto* door = opened.at(0).at(0).value<CheckInWindow*>();
        QVERIFY(door->isVisible());
        QCOMPARE(door->session().scheduleId(), schedule);
        QVERIFY(door->windowTitle().contains(m_window->session().concertTitle()));
    }

    void thePurchasesActionWantsACustomer()
    {
        child<QAction>("actionPurchases")->trigger();
        QVERIFY(!m_window->customerPage()->isVisible());
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Find or add a customer first."));
        sellSevenToCustomerOne();
        child<QAction>("actionPurchases")->trigger();
        settle();
        QVERIFY(m_window->customerPage()->isVisible());
        QCOMPARE(m_window->customerPage()->purchases().rowCount(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
