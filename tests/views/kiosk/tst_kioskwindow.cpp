// KioskWindow (offscreen): self-service over the same SaleSession as the staff window. A start
// screen, then large targets and no staff controls; the customer's name half hidden and never
// the phone; Finish and an idle spell (on the ManualClock) go back to the start with nothing of
// the last customer left.

#include "support/WidgetSupport.h"

#include "Format.h"
#include "common/UiLanguage.h"
#include "kiosk/KioskStartScreen.h"
#include "kiosk/KioskStyle.h"
#include "kiosk/KioskWindow.h"
#include "seatmap/SeatLegend.h"
#include "seatmap/SeatMapView.h"

#include <QAccessible>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QProxyStyle>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTableView>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// Under the kiosk's style, the style that draws: every text a widget hands the style to draw,
// as it comes out on the screen ("&" hints resolved the way Qt draws them).
class DrawnTexts : public QProxyStyle
{
public:
    DrawnTexts() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawItemText(QPainter* painter, const QRect& rect, int flags, const QPalette& palette,
                      bool enabled, const QString& text,
                      QPalette::ColorRole textRole) const override
    {
        QString shown = text;
        if (flags & (Qt::TextShowMnemonic | Qt::TextHideMnemonic)) {
            shown.replace(QLatin1String("&&"), QChar(1));
            shown.remove(QLatin1Char('&'));
            shown.replace(QChar(1), QLatin1Char('&'));
        }
        drawn.append(shown);
        QProxyStyle::drawItemText(painter, rect, flags, palette, enabled, text, textRole);
    }

    mutable QStringList drawn;
};

// What assistive technology is told, visible parts only.
void collectAccessible(QAccessibleInterface* a, QStringList& said, int depth = 0)
{
    if (!a || !a->isValid() || a->state().invisible || depth > 40)
        return;
    for (auto t :
         {QAccessible::Name, QAccessible::Description, QAccessible::Value, QAccessible::Help})
        said << a->text(t);
    for (int i = 0; i < a->childCount(); ++i)
        collectAccessible(a->child(i), said, depth + 1);
}

} // namespace

class TestKioskWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostedEngine> m_hosted;
    std::unique_ptr<KioskWindow> m_kiosk;

    void open(KioskWindow::Options options = {})
    {
        m_kiosk.reset();
        m_kiosk = std::make_unique<KioskWindow>(*m_hosted->host, options);
        m_kiosk->resize(1280, 800);
        m_kiosk->show();
        QVERIFY(QTest::qWaitForWindowActive(m_kiosk.get()));
        settle();
    }
    void settle() { QVERIFY(m_hosted->settle()); }
    void advance(qint64 ms) { QVERIFY(m_hosted->advance(ms)); }
    SaleSession& session() { return m_kiosk->session(); }
    template <typename T> T* part(const char* name) { return child<T>(m_kiosk.get(), name); }
    QString lastDigits(qint64 customerId)
    {
        auto c = m_hosted->engine->customers.byId(customerId);
        if (!c)
            qFatal("no customer %lld", customerId);
        return c->phone.remove(QRegularExpression(QStringLiteral("[^0-9]"))).right(4);
    }
    void signIn(qint64 customerId)
    {
        auto* member = part<QLineEdit>("kioskMemberNumber");
        QTest::keyClicks(member, QString::number(customerId));
        QTest::keyClick(member, Qt::Key_Return);
        auto* digits = part<QLineEdit>("kioskPhoneDigits");
        QTest::keyClicks(digits, lastDigits(customerId));
        QTest::keyClick(digits, Qt::Key_Return);
        settle();
        QVERIFY(!m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, customerId);
    }
    // Signed in, concert 1 chosen, queue joined, admitted, a seat held.
    void holdASeat(qint64 customerId, int seatNumber)
    {
        signIn(customerId);
        session().selectConcert(1); // joins its queue
        settle();
        m_hosted->engine.admitNow();
        settle();
        advance(QueueModel::kPollIntervalMs);
        QVERIFY(session().isAdmitted());
        auto* view = part<SeatMapView>("seatMap");
        const QModelIndex seat = session().seats().index(session().seats().rowOfNumber(seatNumber));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(seat).center());
        settle();
        QCOMPARE(session().holds().rowCount(), 1);
    }

    // The kiosk's style, drawing through a DrawnTexts (the kiosk keeps a KioskStyle it finds).
    static const DrawnTexts* recordDrawnTexts()
    {
        const auto* kiosk = dynamic_cast<const KioskStyle*>(QApplication::style());
        if (const auto* r = kiosk ? dynamic_cast<const DrawnTexts*>(kiosk->baseStyle()) : nullptr)
            return r;
        auto* recorder = new DrawnTexts;
        QApplication::setStyle(new KioskStyle(recorder));
        return recorder;
    }
    // Every text the screen shows now, as drawn: the kiosk painted through the style.
    QStringList drawnTexts()
    {
        const DrawnTexts* recorder = recordDrawnTexts();
        recorder->drawn.clear();
        m_kiosk->grab();
        return recorder->drawn;
    }
    // Everything the kiosk shows or tells assistive technology, visible widgets only.
    QStringList everythingSaid()
    {
        QStringList said;
        for (QWidget* w : m_kiosk->findChildren<QWidget*>()) {
            if (!w->isVisible())
                continue;
            said << w->accessibleName() << w->accessibleDescription() << w->toolTip()
                 << w->windowTitle();
            if (auto* l = qobject_cast<QLabel*>(w))
                said << l->text();
            else if (auto* b = qobject_cast<QAbstractButton*>(w))
                said << b->text();
            else if (auto* e = qobject_cast<QLineEdit*>(w))
                said << e->displayText();
            else if (auto* g = qobject_cast<QGroupBox*>(w))
                said << g->title();
            if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
                for (int r = 0; r < v->model()->rowCount(); ++r)
                    for (int c = 0; c < v->model()->columnCount(); ++c)
                        said << v->model()->index(r, c).data().toString();
            }
        }
        collectAccessible(QAccessible::queryAccessibleInterface(m_kiosk.get()), said);
        said << drawnTexts();
        said.removeAll(QString());
        return said;
    }
    void verifyNobodyNamed(const Customer& c, const char* when)
    {
        const QString digits = QString(c.phone).remove(QRegularExpression(QStringLiteral("\\D")));
        for (const QString& text : everythingSaid()) {
            QVERIFY2(!text.contains(c.name),
                     qPrintable(QLatin1String(when) + QLatin1String(": ") + text));
            QVERIFY2(!text.contains(c.phone) &&
                         !QString(text)
                              .remove(QRegularExpression(QStringLiteral("\\D")))
                              .contains(digits),
                     qPrintable(QLatin1String(when) + QLatin1String(": ") + text));
        }
    }
    // The customer's seat paid (the demo top-up, confirmed in place): the token is used.
    void payWithTopUp(bool confirming = false)
    {
        auto* button = part<QPushButton>("chargeAndPayButton");
        if (!confirming)
            QTest::mouseClick(button, Qt::LeftButton);
        QTest::mouseClick(button, Qt::LeftButton);
        settle();
        advance(QueueModel::kPollIntervalMs);
        QCOMPARE(session().holds().rowCount(), 0);
        QVERIFY(session().queueEntry());
        QCOMPARE(session().queueEntry()->stage(), QueueModel::Stage::Paid);
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyUiLanguage(QStringLiteral("en")); // as the window reads: plurals and all
    }

    void init()
    {
        m_hosted = std::make_unique<HostedEngine>();
        open();
    }

    void cleanup()
    {
        m_kiosk.reset();
        m_hosted.reset();
    }

    void noStaffControlsAndLargeTargets()
    {
        QVERIFY(m_kiosk->isOnStartScreen());
        QVERIFY(m_kiosk->startScreen()->isVisible());
        signIn(3);
        // Nothing a stranger should have: no search through the customer book, no new
        // customers, no staff wallet, no table of everyone this terminal queued.
        for (const char* staff : {"customerSearch", "newCustomerButton", "walletButton"})
            QVERIFY2(!m_kiosk->findChild<QWidget*>(QString::fromLatin1(staff)), staff);
        QVERIFY(!part<QTableView>("queueTable")->isVisible());
        for (QPushButton* b : m_kiosk->findChildren<QPushButton*>()) {
            if (b->isVisible())
                QVERIFY2(b->height() >= 48, qPrintable(b->objectName() + b->text()));
        }
        QVERIFY(part<SeatMapView>("seatMap")->cellSize() >= 48);
        // No keyboard hints on a touch screen.
        for (QLabel* l : m_kiosk->findChildren<QLabel*>()) {
            QVERIFY2(!l->text().contains(QLatin1String("Ctrl")) &&
                         !l->text().contains(QLatin1String("Space")),
                     qPrintable(l->text()));
        }
    }

    void theCustomerIsShownHalfHidden()
    {
        signIn(12);
        const Customer c = *m_hosted->engine->customers.byId(12);
        const QString shown = part<QLabel>("kioskCustomer")->text();
        QVERIFY2(shown.contains(maskedName(c.name)), qPrintable(shown));
        QVERIFY2(!shown.contains(c.name), qPrintable(shown));
        QVERIFY2(!shown.contains(c.phone) && !shown.contains(lastDigits(12)), qPrintable(shown));
        QVERIFY2(shown.contains(Format::krw(0)), qPrintable(shown));
        // A charge elsewhere shows here too.
        QVERIFY(awaited(session().charge(5000, false)).has_value());
        QVERIFY2(part<QLabel>("kioskCustomer")->text().contains(Format::krw(5000)),
                 qPrintable(part<QLabel>("kioskCustomer")->text()));
    }

    void finishLeavesNothingOfTheLastCustomer()
    {
        holdASeat(12, 7);
        QTest::mouseClick(part<QPushButton>("kioskFinishButton"), Qt::LeftButton);
        settle();
        QVERIFY(m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, qint64(0));
        QCOMPARE(session().concertId(), qint64(0));
        QCOMPARE(session().holds().rowCount(), 0);
        QVERIFY(session().notice().isEmpty());
        QVERIFY(part<QLineEdit>("kioskMemberNumber")->text().isEmpty());
        QVERIFY(part<QLineEdit>("kioskPhoneDigits")->text().isEmpty());
        QVERIFY(part<QLabel>("kioskCustomer")->text().isEmpty());
        QVERIFY(part<QLabel>("kioskBanner")->text().isEmpty());
        QVERIFY(part<QLabel>("holdMessage")->text().isEmpty());
        QVERIFY(!part<QPushButton>("joinQueueButton")->text().contains(QLatin1String("again")));
        QVERIFY(part<QLineEdit>("kioskMemberNumber")->hasFocus());
        // The next stranger starts from the beginning.
        signIn(13);
        QCOMPARE(session().holds().rowCount(), 0);
    }

    void itGoesBackToTheStartWhenLeftAlone()
    {
        KioskWindow::Options options;
        options.idleResetSeconds = 90;
        open(options);
        signIn(3);
        const qint64 idleMs = 90'000;
        advance(idleMs - 1000);
        QVERIFY(!m_kiosk->isOnStartScreen());
        // A touch starts the idle time again.
        QTest::mouseClick(part<QLabel>("kioskCustomer"), Qt::LeftButton);
        advance(idleMs - 1000);
        QVERIFY(!m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, qint64(3));
        // So does a key.
        QTest::keyClick(part<SeatMapView>("seatMap"), Qt::Key_Right);
        advance(idleMs - 1);
        QVERIFY(!m_kiosk->isOnStartScreen());
        advance(1);
        QVERIFY(m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, qint64(0));
        QVERIFY(part<QLabel>("kioskCustomer")->text().isEmpty());
    }

    void halfTypedDigitsDoNotWaitForTheNextPerson()
    {
        KioskWindow::Options options;
        options.idleResetSeconds = 30;
        open(options);
        QTest::keyClicks(part<QLineEdit>("kioskMemberNumber"), QStringLiteral("12"));
        QTest::keyClicks(part<QLineEdit>("kioskPhoneDigits"), QStringLiteral("12"));
        advance(30'000);
        QVERIFY(part<QLineEdit>("kioskMemberNumber")->text().isEmpty());
        QVERIFY(part<QLineEdit>("kioskPhoneDigits")->text().isEmpty());
    }

    void itFillsTheScreenWithOrWithoutAWindowManager()
    {
        // Offscreen there is no window manager at all: the geometry must come from the kiosk.
        m_kiosk->showOnWholeScreen();
        settle();
        QTRY_COMPARE(m_kiosk->geometry(), m_kiosk->screen()->geometry());
        QVERIFY(m_kiosk->windowFlags().testFlag(Qt::FramelessWindowHint));
    }

    void itNeverReflowsAsItIsUsed()
    {
        auto* split = m_kiosk->findChild<QSplitter*>();
        QVERIFY(split);
        holdASeat(19, 4);
        const QList<int> before = split->sizes();
        // Nor does the sale's column move up or down as the queue's state changes.
        auto* holds = part<QWidget>("holdPanel");
        const QRect holdsAt = holds->geometry();
        QTest::mouseClick(part<QPushButton>("chargeAndPayButton"), Qt::LeftButton); // confirm text
        settle();
        QCOMPARE(split->sizes(), before);
        QTest::mouseClick(part<QPushButton>("chargeAndPayButton"), Qt::LeftButton);
        settle();
        QCOMPARE(split->sizes(), before);
        advance(QueueModel::kPollIntervalMs);
        QCOMPARE(session().queueEntry()->stage(), QueueModel::Stage::Paid); // "join again" now
        advance(10'000); // the admission's news gone
        QApplication::processEvents();
        QCOMPARE(holds->geometry(), holdsAt);
    }

    void noKeyboardHints()
    {
        QCOMPARE(QApplication::style()->styleHint(QStyle::SH_UnderlineShortcut), 0);
        holdASeat(20, 5);
        const auto hint = QRegularExpression(QStringLiteral("Ctrl\\+|Alt\\+|\\(&"));
        for (QWidget* w : m_kiosk->findChildren<QWidget*>()) {
            if (!w->isVisible())
                continue;
            QString text;
            if (auto* l = qobject_cast<QLabel*>(w))
                text = l->text();
            else if (auto* b = qobject_cast<QAbstractButton*>(w))
                text = b->text();
            QVERIFY2(!text.contains(hint),
                     qPrintable(w->objectName() + QLatin1String(": ") + text));
        }
        QVERIFY(!part<SeatMapView>("seatMap")->lockedReason().contains(QLatin1String("Ctrl")));
    }

    void theTopUpSaysItIsADemo()
    {
        holdASeat(21, 6);
        QVERIFY2(part<QLabel>("shortfallLabel")->text().contains(QLatin1String("demo")),
                 qPrintable(part<QLabel>("shortfallLabel")->text()));
        auto* button = part<QPushButton>("chargeAndPayButton");
        QVERIFY2(button->text().contains(QLatin1String("Demo top-up")), qPrintable(button->text()));
        QTest::mouseClick(button, Qt::LeftButton);
        settle();
        QVERIFY2(button->text().contains(QLatin1String("demo top-up")), qPrintable(button->text()));
    }

    void errorsAreBigOnTheScreen()
    {
        // Large type everywhere (1.5×), the banner larger still; and no status bar to hide in.
        QVERIFY(m_kiosk->findChildren<QStatusBar*>().isEmpty());
        auto* banner = part<QLabel>("kioskBanner");
        QVERIFY(banner->font().pointSizeF() >= QApplication::font().pointSizeF() * 1.9);
        QVERIFY(part<QLabel>("holdMessage")->font().pointSizeF() >=
                QApplication::font().pointSizeF() * 1.4);
        QVERIFY(part<QLabel>("kioskStartError")->font().pointSizeF() >=
                QApplication::font().pointSizeF() * 1.9);
    }

    void withoutChargingAShortBalanceGoesToTheCounter()
    {
        KioskWindow::Options options;
        options.allowCharge = false;
        open(options);
        holdASeat(14, 3);
        auto* row = part<QWidget>("chargeRow");
        QVERIFY(row->isVisible());
        const QString said = part<QLabel>("shortfallLabel")->text();
        QVERIFY2(said.contains(QLatin1String("counter")) && said.contains(QLatin1String("150,000")),
                 qPrintable(said));
        QVERIFY(!part<QPushButton>("chargeAndPayButton")->isVisible());
        QVERIFY(!part<QLineEdit>("chargeAndPayAmount")->isVisible());
    }

    void withChargingTheShortfallIsOfferedInPlace()
    {
        holdASeat(15, 3);
        QVERIFY(part<QPushButton>("chargeAndPayButton")->isVisible());
        QCOMPARE(part<QLineEdit>("chargeAndPayAmount")->text(), QStringLiteral("150,000"));
    }

    // Customer 17 joins concert 2's queue (someone elsewhere is ahead) and walks away; 18 signs
    // in. Returns 17's token.
    QString walkAwayInLine()
    {
        KioskWindow::Options options;
        options.idleResetSeconds = 3600; // these tests walk away on purpose
        open(options);
        if (!m_hosted->engine->queue.enter(91, 2))
            qFatal("cannot queue customer 91");
        signIn(17);
        session().selectConcert(2);
        settle();
        QTest::mouseClick(part<QPushButton>("joinQueueButton"), Qt::LeftButton);
        settle();
        const QString token = session().token();
        QTest::mouseClick(part<QPushButton>("kioskFinishButton"), Qt::LeftButton);
        settle();
        signIn(18);
        return token;
    }

    void theLastCustomerIsNotKeptInLine()
    {
        const QString token = walkAwayInLine();
        QVERIFY(!token.isEmpty());
        // Nobody polls their token any more, so it lapses as an idle entry does (Q6).
        advance(qint64(m_hosted->engine->settings.idleSeconds) * 1000 + 2000);
        QVERIFY_RESULT(m_hosted->engine->queue.expireDue(m_hosted->engine.clock.nowMs()));
        QCOMPARE_ERROR(m_hosted->engine->queue.poll(token), ErrorCode::TokenExpired);
    }

    void theLastCustomerIsNotNamedToTheNext()
    {
        const Customer gone = *m_hosted->engine->customers.byId(17);
        walkAwayInLine();
        m_hosted->engine.admitNow();
        settle();
        advance(QueueModel::kPollIntervalMs);
        for (QLabel* l : m_kiosk->findChildren<QLabel*>()) {
            QVERIFY2(!l->text().contains(gone.name) && !l->text().contains(maskedName(gone.name)) &&
                         !l->text().contains(QLatin1String("#17")),
                     qPrintable(l->objectName() + QLatin1String(": ") + l->text()));
        }
    }

    void theBannerSpeaksUpAndGoes()
    {
        signIn(16);
        // Somebody is ahead, so choosing the concert (which joins its queue) is a place in the
        // line, said on the banner.
        QVERIFY(m_hosted->engine->queue.enter(90, 2).has_value());
        session().selectConcert(2);
        settle();
        auto* banner = part<QLabel>("kioskBanner");
        QVERIFY2(banner->text().contains(QLatin1String("number 2")), qPrintable(banner->text()));
        // Said for a passer-by too: the name half hidden.
        const QString name = session().customer().name;
        QVERIFY2(!banner->text().contains(name) && banner->text().contains(maskedName(name)),
                 qPrintable(banner->text()));
        // On the window's clock, not a real timer.
        advance(9000);
        QVERIFY(!banner->text().isEmpty());
        advance(1000);
        QVERIFY(banner->text().isEmpty());
    }

    void noKeyboardHintIsDrawnInEitherLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected");
        // What the buttons and headings say, hint and all gone (Korean carries them as "(&P)").
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringList{QStringLiteral("Concerts"), QStringLiteral("Dates"),
                                           QStringLiteral("Pay"), QStringLiteral("Release seat")};
        QTest::newRow("ko") << QStringLiteral("ko")
                            << QStringList{QStringLiteral("공연"), QStringLiteral("날짜"),
                                           QStringLiteral("결제"), QStringLiteral("좌석 반환")};
    }

    void noKeyboardHintIsDrawnInEitherLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        recordDrawnTexts();
        const auto english = qScopeGuard([] { applyUiLanguage(QStringLiteral("en")); });
        applyUiLanguage(language);
        open();
        const auto hint = QRegularExpression(QStringLiteral("\\([A-Z]\\)|&"));
        // The first text drawn with a hint in it (empty: none).
        const auto hinted = [&](const QStringList& drawn) {
            for (const QString& text : drawn) {
                if (text.contains(hint))
                    return text;
            }
            return QString();
        };
        QStringList drawn = drawnTexts();
        QVERIFY(!drawn.isEmpty());
        QVERIFY2(hinted(drawn).isEmpty(), qPrintable(hinted(drawn)));
        holdASeat(20, 5);
        const QStringList seats = drawnTexts();
        QVERIFY2(hinted(seats).isEmpty(), qPrintable(hinted(seats)));
        for (const QString& word : expected)
            QVERIFY2(seats.contains(word), qPrintable(word + " not drawn: " + seats.join('|')));
        // Texts set later, as the sale goes on: the confirmation on the button, the paid
        // state's "join again".
        QTest::mouseClick(part<QPushButton>("chargeAndPayButton"), Qt::LeftButton);
        drawn = drawnTexts();
        QVERIFY2(hinted(drawn).isEmpty(), qPrintable(hinted(drawn)));
        payWithTopUp(true);
        const QStringList paid = drawnTexts();
        QVERIFY2(hinted(paid).isEmpty(), qPrintable(hinted(paid)));
        const QString again = KioskStyle::withoutMnemonic(
            QCoreApplication::translate("boxoffice::QueuePanel", "&Join queue again"));
        QVERIFY(again != QLatin1String("&Join queue again"));
        QVERIFY2(paid.contains(again), qPrintable(again + " not drawn: " + paid.join('|')));
    }

    void noHintSurvivesTheStripping()
    {
        QCOMPARE(KioskStyle::withoutMnemonic(QStringLiteral("결제(&P)")), QStringLiteral("결제"));
        QCOMPARE(KioskStyle::withoutMnemonic(QStringLiteral("대기열 다시 참여(&J)")),
                 QStringLiteral("대기열 다시 참여"));
        QCOMPARE(KioskStyle::withoutMnemonic(QStringLiteral("C&oncerts")),
                 QStringLiteral("Concerts"));
        QCOMPARE(KioskStyle::withoutMnemonic(QStringLiteral("Rock && Roll")),
                 QStringLiteral("Rock & Roll"));
        QCOMPARE(KioskStyle::withoutMnemonic(QStringLiteral("합계 (1석)")),
                 QStringLiteral("합계 (1석)"));
    }

    void noFullNameNorPhoneAnywhere()
    {
        const Customer c = *m_hosted->engine->customers.byId(12);
        QVERIFY(c.name.size() > 2 && !c.phone.isEmpty());
        signIn(12);
        verifyNobodyNamed(c, "signed in");
        // Somebody is ahead: the place in the line is news on the banner.
        QVERIFY(m_hosted->engine->queue.enter(90, 1).has_value());
        session().selectConcert(1);
        settle();
        verifyNobodyNamed(c, "waiting");
        // Let in: the queue panel's news, the banner's, what a screen reader hears.
        m_hosted->engine.admitNow();
        settle();
        advance(QueueModel::kPollIntervalMs);
        QVERIFY(session().isAdmitted());
        const QString news = part<QLabel>("queueAnnouncement")->text();
        QVERIFY2(news.contains(maskedName(c.name)), qPrintable(news));
        verifyNobodyNamed(c, "admitted");
        auto* view = part<SeatMapView>("seatMap");
        const QModelIndex seat = session().seats().index(session().seats().rowOfNumber(9));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(seat).center());
        settle();
        QCOMPARE(session().holds().rowCount(), 1);
        verifyNobodyNamed(c, "a seat held");
        payWithTopUp();
        verifyNobodyNamed(c, "paid");
    }

    void theQueueIsAsLargeAsTheRestAndOffersNothingToJoinInLine()
    {
        signIn(22);
        QVERIFY(m_hosted->engine->queue.enter(92, 1).has_value());
        session().selectConcert(1); // joins its queue
        settle();
        auto* join = part<QPushButton>("joinQueueButton");
        QCOMPARE(session().queueEntry()->stage(), QueueModel::Stage::Waiting);
        QVERIFY(!join->isVisible() && !join->isEnabled());
        m_hosted->engine.admitNow();
        settle();
        advance(QueueModel::kPollIntervalMs);
        QVERIFY(session().isAdmitted());
        QVERIFY(!join->isVisible() && !join->isEnabled());
        // The news is up (the box highlighted): still the kiosk's type, not the staff's.
        QVERIFY(!part<QLabel>("queueAnnouncement")->text().isEmpty());
        m_kiosk->grab(); // polished and painted, as on the screen
        const qreal kioskSize = m_kiosk->font().pointSizeF();
        QVERIFY(kioskSize >= QApplication::font().pointSizeF() * 1.4);
        for (const char* name : {"queueState", "queuePosition", "queueWait", "queueAnnouncement"})
            QVERIFY2(part<QLabel>(name)->font().pointSizeF() >= kioskSize, name);
        QVERIFY(part<QGroupBox>("queueStatusBox")->font().pointSizeF() >= kioskSize);
        // Paid: one may join again, with a button a finger can hit.
        const QModelIndex seat = session().seats().index(session().seats().rowOfNumber(10));
        auto* view = part<SeatMapView>("seatMap");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(seat).center());
        settle();
        payWithTopUp();
        m_kiosk->grab();
        QVERIFY(join->isVisible() && join->isEnabled());
        QVERIFY(join->height() >= 48);
        QVERIFY(join->font().pointSizeF() >= kioskSize);
    }

    void nothingIsCutAtCommonScreenSizes_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<QString>("language");
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            QTest::addRow("1280x800 %s", qPrintable(lang)) << QSize(1280, 800) << lang;
            QTest::addRow("1920x1080 %s", qPrintable(lang)) << QSize(1920, 1080) << lang;
        }
    }

    void nothingIsCutAtCommonScreenSizes()
    {
        QFETCH(QSize, screen);
        QFETCH(QString, language);
        const auto english = qScopeGuard([] { applyUiLanguage(QStringLiteral("en")); });
        applyUiLanguage(language);
        m_kiosk.reset();
        m_kiosk = std::make_unique<KioskWindow>(*m_hosted->host, KioskWindow::Options{});
        m_kiosk->resize(screen);
        m_kiosk->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_kiosk.get()));
        settle();
        QCOMPARE(m_kiosk->size(), screen);
        holdASeat(23, 8);
        QApplication::processEvents();
        // The whole hall in view, no scrolling, every seat a finger's size.
        auto* map = part<SeatMapView>("seatMap");
        QVERIFY(map->cellSize() >= 48);
        QCOMPARE(map->horizontalScrollBar()->maximum(), 0);
        QCOMPARE(map->verticalScrollBar()->maximum(), 0);
        for (int row = 0; row < session().seats().rowCount(); ++row)
            QVERIFY(
                map->viewport()->rect().contains(map->visualRect(session().seats().index(row))));
        // The key: every state, each on the screen whole.
        auto* legend = part<SeatLegend>("seatLegend");
        QVERIFY(legend->height() >= legend->heightForWidth(legend->width()));
        for (const QRect& r : legend->itemRects(legend->width()))
            QVERIFY(r.right() < legend->width());
        QVERIFY(legend->mapTo(m_kiosk.get(), QPoint(legend->width(), 0)).x() <= screen.width());
        // Concert names and dates wrapped whole.
        for (const char* name : {"concertList", "scheduleList"}) {
            auto* list = part<QListView>(name);
            for (int row = 0; row < list->model()->rowCount(); ++row) {
                const QModelIndex i = list->model()->index(row, 0);
                const QRect r = list->visualRect(i);
                const QString text = i.data().toString();
                QVERIFY2(r.right() < list->viewport()->width() && r.height() >= 48,
                         qPrintable(text));
                const QRect needed = list->fontMetrics().boundingRect(
                    QRect(0, 0, r.width() - 8, 10'000), Qt::TextWordWrap, text);
                QVERIFY2(needed.height() <= r.height(), qPrintable(text));
            }
        }
        // The held seat's row: seat, price and time whole.
        auto* holds = part<QTableView>("holdsTable");
        // Its row (chosen to release it) and the amount to top up are targets too.
        QVERIFY(holds->rowHeight(0) >= 48);
        QVERIFY(part<QLineEdit>("chargeAndPayAmount")->height() >= 48);
        for (int col = 0; col < holds->model()->columnCount(); ++col) {
            const QString text = holds->model()->index(0, col).data().toString();
            QVERIFY2(holds->fontMetrics().horizontalAdvance(text) + 8 <= holds->columnWidth(col),
                     qPrintable(text));
            const QString title = holds->model()->headerData(col, Qt::Horizontal).toString();
            QVERIFY2(holds->horizontalHeader()->fontMetrics().horizontalAdvance(title) + 8 <=
                         holds->columnWidth(col),
                     qPrintable(title));
        }
        // No one-line text wider than its place, no button's words past its edges.
        for (QWidget* w : m_kiosk->findChildren<QWidget*>()) {
            if (!w->isVisible())
                continue;
            QVERIFY2(w->mapTo(m_kiosk.get(), QPoint(w->width(), w->height())).x() <= screen.width(),
                     qPrintable(w->objectName()));
            if (auto* l = qobject_cast<QLabel*>(w); l && !l->wordWrap() && !l->text().isEmpty())
                QVERIFY2(l->fontMetrics().horizontalAdvance(
                             KioskStyle::withoutMnemonic(l->text())) <= l->contentsRect().width(),
                         qPrintable(l->objectName() + ": " + l->text()));
            if (auto* b = qobject_cast<QPushButton*>(w))
                QVERIFY2(
                    b->fontMetrics().horizontalAdvance(KioskStyle::withoutMnemonic(b->text())) +
                            8 <=
                        b->width(),
                    qPrintable(b->objectName() + ": " + b->text()));
        }
    }

    void theDatabaseNotAnsweringIsSaidBigAndGoes()
    {
        (*m_hosted->host).setWaitClock(m_hosted->engine.clock);
        auto* shown = part<QLabel>("kioskConnectionProblem");
        QVERIFY(!shown->isVisible());
        QVERIFY(m_kiosk->connectionProblem().isEmpty());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^engine: a database call has been running")));
        {
            // Held inside a call, as by a database that does not answer: on the start screen,
            // where a stranger waits for Start to do something.
            EngineGate gate(*m_hosted->host);
            m_hosted->engine.clock.advanceMs(EngineHost::kStallAfterMs - 1);
            QVERIFY(m_kiosk->connectionProblem().isEmpty());
            m_hosted->engine.clock.advanceMs(EngineHost::kWatchdogIntervalMs);
            QVERIFY2(m_kiosk->connectionProblem().contains(QLatin1String("not answering")),
                     qPrintable(m_kiosk->connectionProblem()));
            QVERIFY(shown->isVisible());
            QVERIFY(m_kiosk->startScreen()->isVisible());
            QVERIFY(shown->font().pointSizeF() >= QApplication::font().pointSizeF() * 1.9);
        }
        settle();
        advance(EngineHost::kWatchdogIntervalMs);
        QVERIFY(m_kiosk->connectionProblem().isEmpty());
        QVERIFY(!shown->isVisible());
        // Out of reach, mid-sale: said over the sale screen, gone when it is back.
        signIn(24);
        const Error gone = Error::make(ErrorCode::StorageUnavailable);
        Q_EMIT(*m_hosted->host).databaseUnavailable(gone);
        QCOMPARE(m_kiosk->connectionProblem(), errorText(gone));
        QVERIFY(shown->isVisible() && !m_kiosk->isOnStartScreen());
        Q_EMIT(*m_hosted->host).databaseAvailable();
        QVERIFY(m_kiosk->connectionProblem().isEmpty());
        QVERIFY(!shown->isVisible());
    }
};

QTEST_MAIN(TestKioskWindow)
#include "tst_kioskwindow.moc"
