// Widget tests of the main window (offscreen): the whole sale clicked through, and the ways it
// goes wrong. Time moves only when a test moves the ManualClock and calls tick().

#include "support/TestSupport.h"

#include "HoldsModel.h"
#include "QueueModel.h"
#include "SeatMapModel.h"
#include "common/MessageBox.h"
#include "common/UiLanguage.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "wallet/WalletDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<MainWindow> m_window;

    template <typename T> T* child(const char* name)
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    SeatMapView* seatView() { return child<SeatMapView>("seatMap"); }
    QAbstractItemModel* seats() { return seatView()->model(); }
    QModelIndex seatIndex(int number)
    {
        auto* model = static_cast<SeatMapModel*>(seats());
        return model->index(model->rowOfNumber(number));
    }
    SeatState seatState(int number)
    {
        return SeatState(seatIndex(number).data(SeatMapModel::StateRole).toInt());
    }
    void clickSeat(int number)
    {
        const QRect r = seatView()->visualRect(seatIndex(number));
        QVERIFY(r.isValid());
        QTest::mouseClick(seatView()->viewport(), Qt::LeftButton, {}, r.center());
    }
    void clickRow(QListView* list, int row)
    {
        const QRect r = list->visualRect(list->model()->index(row, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
    }
    int holdRows() { return child<QTableView>("holdsTable")->model()->rowCount(); }

    // Customer 1 found by number, concert 1 chosen, queue joined, admitted, first date picked.
    void admitCustomerOne()
    {
        auto* search = child<QLineEdit>("customerSearch");
        QTest::keyClicks(search, QStringLiteral("1"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(m_window->currentCustomerId(), qint64(1));
        clickRow(child<QListView>("concertList"), 0);
        QTest::mouseClick(child<QPushButton>("joinQueueButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>("queueState")->text().contains(QLatin1String("Waiting")));
        clickRow(child<QListView>("scheduleList"), 0);
        QVERIFY(seatView()->lockedReason().contains(QLatin1String("Waiting")));
        m_engine->admitNow();
        m_window->tick();
        QVERIFY(child<QLabel>("queueState")->text().contains(QLatin1String("Admitted")));
        QVERIFY2(seatView()->lockedReason().isEmpty(), qPrintable(seatView()->lockedReason()));
    }

    // Another customer holds a seat through their own connection, on another thread.
    void holdFromAnotherConnection(qint64 customerId, int seatNumber)
    {
        const QString token = m_engine->activeToken(customerId, 1);
        const qint64 scheduleId = static_cast<SeatMapModel*>(seats())->scheduleId();
        bool ok = false;
        std::thread other(
            [&] { ok = bool((*m_engine)->reservations.hold(token, scheduleId, seatNumber)); });
        other.join();
        QVERIFY(ok);
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
        m_window = std::make_unique<MainWindow>(**m_engine, MainWindow::Options{});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_engine.reset();
    }

    void statusBarNamesTheDatabase()
    {
        // The file path on SQLite; on PostgreSQL the server and database (never the password).
        const QString label = child<QLabel>("databaseLabel")->text();
        QVERIFY2(label.contains((*m_engine)->db->displayName()), qPrintable(label));
        if (m_engine->isPostgres())
            QVERIFY2(label.contains(QLatin1String("postgres://")), qPrintable(label));
        else
            QVERIFY2(label.contains(m_engine->path()), qPrintable(label));
    }

    void seatsStayLockedUntilAdmitted()
    {
        QVERIFY(!seatView()->lockedReason().isEmpty());
        admitCustomerOne();
        QCOMPARE(seatState(7), SeatState::Available);
    }

    void wholeSale()
    {
        admitCustomerOne();
        clickSeat(7);
        QCOMPARE(seatState(7), SeatState::HeldByMe);
        QCOMPARE(holdRows(), 1);
        QCOMPARE(child<QTableView>("holdsTable")
                     ->model()
                     ->index(0, HoldsModel::TimeLeftColumn)
                     .data()
                     .toString(),
                 QStringLiteral("5:00"));

        // Not enough money: the wallet opens with the shortfall filled in.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>("payButton"), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QLatin1String("150,000")));
        WalletDialog* wallet = m_window->walletDialog();
        QTRY_VERIFY(wallet->isVisible());
        auto* amount = wallet->findChild<QLineEdit*>(QStringLiteral("chargeAmount"));
        QCOMPARE(amount->text(), QStringLiteral("150,000"));
        QTest::mouseClick(wallet->findChild<QPushButton*>(QStringLiteral("chargeButton")),
                          Qt::LeftButton);
        QCOMPARE(*(*m_engine)->wallet.balance(1), qint64(150000));
        QVERIFY(wallet->findChild<QLabel*>(QStringLiteral("walletBalance"))
                    ->text()
                    .contains(QLatin1String("150,000")));
        wallet->close();

        QTest::mouseClick(child<QPushButton>("payButton"), Qt::LeftButton);
        QCOMPARE(seatState(7), SeatState::Sold);
        QCOMPARE(holdRows(), 0);
        QCOMPARE(*(*m_engine)->wallet.balance(1), qint64(0));
        QVERIFY(child<QLabel>("holdMessage")->text().contains(QLatin1String("Payment number")));
        QVERIFY(child<QLabel>("queueState")->text().contains(QLatin1String("Used")));
        // The token is used up: seats are locked again, with the reason.
        QVERIFY(seatView()->lockedReason().contains(QLatin1String("Paid")));
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
        QSignalSpy resets(seats(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(seats(), &QAbstractItemModel::dataChanged);
        holdFromAnotherConnection(3, 20);
        // The window's own timers pick it up within a second; no user action.
        QTRY_COMPARE_WITH_TIMEOUT(seatState(20), SeatState::HeldByOther, 1000);
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 1);
        QCOMPARE(seatView()->currentIndex(), seatIndex(33));
    }

    void holdRunsOutAndSeatFreesItself()
    {
        admitCustomerOne();
        clickSeat(12);
        QCOMPARE(holdRows(), 1);
        m_engine->clock.advanceSeconds(61);
        m_window->tick();
        QCOMPARE(child<QTableView>("holdsTable")
                     ->model()
                     ->index(0, HoldsModel::TimeLeftColumn)
                     .data()
                     .toString(),
                 QStringLiteral("3:59"));
        m_engine->clock.advanceSeconds(240);
        m_window->tick();
        QCOMPARE(holdRows(), 0);
        QCOMPARE(seatState(12), SeatState::Available);
        QVERIFY(child<QLabel>("holdMessage")->text().contains(QLatin1String("ran out of time")));
    }

    void insufficientBalanceDeclinedChangesNothing()
    {
        admitCustomerOne();
        clickSeat(1);
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(child<QPushButton>("payButton"), Qt::LeftButton);
        QVERIFY(!m_window->walletDialog()->isVisible());
        QCOMPARE(child<QLabel>("holdMessage")->text(),
                 QStringLiteral("The balance is insufficient."));
        QCOMPARE(seatState(1), SeatState::HeldByMe);
        QCOMPARE(*(*m_engine)->wallet.balance(1), qint64(0));
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
        QVERIFY(m_window->selectCustomer(4));
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
        QCOMPARE(*(*m_engine)->wallet.balance(4),
                 accepted ? *WalletService::parseAmount(typed) : 0);
    }

    void walletExplainsTheBalanceCeiling()
    {
        QVERIFY((*m_engine)->wallet.charge(5, 1000000));
        for (int i = 0; i < 9; ++i)
            QVERIFY((*m_engine)->wallet.charge(5, 1000000));
        QVERIFY(m_window->selectCustomer(5));
        QTest::mouseClick(child<QPushButton>("walletButton"), Qt::LeftButton);
        WalletDialog* wallet = m_window->walletDialog();
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
        search->insert(QStringLiteral("김")); // keyClicks types Latin-1 only
        QTest::keyClick(search, Qt::Key_Return);
        auto* results = child<QComboBox>("customerResults");
        QVERIFY(results->count() >= 2);
        QCOMPARE(m_window->currentCustomerId(), results->itemData(0).toLongLong());
    }

    void admissionIsAnnounced()
    {
        auto* search = child<QLineEdit>("customerSearch");
        QTest::keyClicks(search, QStringLiteral("9"));
        QTest::keyClick(search, Qt::Key_Return);
        m_window->selectConcert(2);
        QTest::keyClick(m_window.get(), Qt::Key_J, Qt::ControlModifier);
        auto* queueTable = child<QTableView>("queueTable");
        QCOMPARE(queueTable->model()->rowCount(), 1);
        m_engine->admitNow();
        m_window->tick();
        QVERIFY(child<QLabel>("queueAnnouncement")
                    ->text()
                    .contains(QLatin1String("may now choose seats")));
        QVERIFY(m_window->statusBar()->currentMessage().contains(
            QLatin1String("may now choose seats")));
    }

    void kioskHasNoStaffControlsAndResets()
    {
        m_window.reset();
        MainWindow::Options kiosk;
        kiosk.kiosk = true;
        m_window = std::make_unique<MainWindow>(**m_engine, kiosk);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(!child<QPushButton>("newCustomerButton")->isVisible());
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(child<QPushButton>("findCustomerButton")->height() >= 48);
        QVERIFY(seatView()->cellSize() >= 48);
        auto* search = child<QLineEdit>("customerSearch");
        search->insert(QStringLiteral("김민준"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(m_window->currentCustomerId(), qint64(0)); // names are for staff only
        search->clear();
        QTest::keyClicks(search, QStringLiteral("12"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(m_window->currentCustomerId(), qint64(12));
        QVERIFY(!child<QTableView>("queueTable")->isVisible());
        m_window->resetToStart();
        QCOMPARE(m_window->currentCustomerId(), qint64(0));
        QVERIFY(search->text().isEmpty());
    }

    void kioskResetsWhenIdle()
    {
        m_window.reset();
        MainWindow::Options kiosk;
        kiosk.kiosk = true;
        kiosk.idleResetSeconds = 1;
        m_window = std::make_unique<MainWindow>(**m_engine, kiosk);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto* search = child<QLineEdit>("customerSearch");
        QTest::keyClicks(search, QStringLiteral("3"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(m_window->currentCustomerId(), qint64(3));
        // Nobody touches it: the real idle timer takes it back to the start screen.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentCustomerId(), qint64(0), 5000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
