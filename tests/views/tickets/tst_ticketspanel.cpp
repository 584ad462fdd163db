// TicketsPanel (offscreen): a payment's tickets with the chosen one's QR symbol (which a phone's
// reader reads back as the exact code), Print through the system dialog (its test hook prints
// into a PDF), Save as PDF (one file, one page a ticket), Reprint (the same code) and Reissue (a
// new code, the old one revoked), none of which blocks on a dialog.

#include "support/AfterSaleSupport.h"
#include "support/WidgetSupport.h"

#include "PaymentTicketsModel.h"
#include "common/FileDialog.h"
#include "common/PrintDialog.h"
#include "common/UiLanguage.h"
#include "models/TicketScanning.h"
#include "tickets/TicketsPanel.h"

#include <QDir>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>

using namespace boxoffice;
using namespace boxoffice::test;

class TestTicketsPanel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostedEngine> m_engine;
    std::unique_ptr<PaymentTicketsModel> m_model;
    std::unique_ptr<TicketsPanel> m_panel;
    QTemporaryDir m_dir;
    Payment m_payment;

    template <typename T> T* part(const char* name) { return child<T>(m_panel.get(), name); }
    bool click(const char* button)
    {
        QTest::mouseClick(part<QPushButton>(button), Qt::LeftButton);
        return m_engine->settle();
    }
    QString text(const char* label) { return part<QLabel>(label)->text(); }
    QString pdf(const char* name) { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init()
    {
        m_engine = std::make_unique<HostedEngine>();
        TestEngine& t = m_engine->engine;
        m_payment = buy(t, 1, scheduleOf(t, 1), {7, 8});
        m_model = std::make_unique<PaymentTicketsModel>(*m_engine->host);
        m_model->setActor(Actor::staff(QStringLiteral("op")));
        m_panel = std::make_unique<TicketsPanel>(*m_model);
        m_panel->resize(560, 520);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(awaitedOk(m_model->setPayment(m_payment.id, m_payment.tickets)));
        QVERIFY(m_engine->settle());
    }

    void cleanup()
    {
        m_panel.reset();
        m_model.reset();
        m_engine.reset();
    }

    void listsTheTicketsWithTheirQrCodes()
    {
        QCOMPARE(text("ticketsTitle"),
                 QStringLiteral("Payment No. %1: 2 tickets").arg(m_payment.id));
        QCOMPARE(part<QListView>("ticketsList")->model()->rowCount(), 2);
        QCOMPARE(m_panel->currentRow(), 0);
        QVERIFY(text("ticketInfo").contains(QStringLiteral("Seat 7")));
        QVERIFY(text("ticketInfo").contains(QStringLiteral("Valid")));
        // The code in text (in lines) is the ticket's code.
        QCOMPARE(text("ticketCode").remove(u'\n'), m_payment.tickets.at(0).code);
        // What a phone reads from the screen is the exact code, for each ticket.
        for (int row = 0; row < 2; ++row) {
            m_panel->setCurrentRow(row);
            const QPixmap qr = part<QLabel>("ticketQr")->pixmap();
            QVERIFY(!qr.isNull());
            const QString image = pdf("qr.png");
            QVERIFY(qr.save(image));
            QCOMPARE(QString::fromLatin1(scanQr(image)), m_payment.tickets.at(row).code);
        }
    }

    void printSendsEveryTicket()
    {
        const int asked = PrintDialog::askedCount();
        PrintDialog::setNextAnswer(pdf("printed.pdf"));
        QVERIFY(click("printTicketsButton"));
        QCOMPARE(PrintDialog::askedCount(), asked + 1);
        QCOMPARE(pdfPages(pdf("printed.pdf")), 2);
        QCOMPARE(m_panel->message(), QStringLiteral("Sent 2 tickets to the printer."));
    }

    void cancelledPrintPrintsNothing()
    {
        const auto pdfs = [this] {
            return QDir(m_dir.path()).entryList({QStringLiteral("*.pdf")}).size();
        };
        const auto before = pdfs();
        const int asked = PrintDialog::askedCount();
        PrintDialog::setNextAnswer(QString());
        QVERIFY(click("printTicketsButton"));
        QCOMPARE(PrintDialog::askedCount(), asked + 1);
        QVERIFY(m_panel->message().isEmpty());
        QCOMPARE(pdfs(), before);
    }

    void saveAsPdfWritesOneFile()
    {
        FileDialog::setNextSaveName(pdf("payment.pdf"));
        QVERIFY(click("saveTicketsButton"));
        QCOMPARE(pdfPages(pdf("payment.pdf")), 2);
        const QString words = QString::fromUtf8(
            runTool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                                  pdf("payment.pdf"), QStringLiteral("-")})
                .out);
        for (const Ticket& t : m_payment.tickets)
            QVERIFY(words.contains(t.code.left(24)));
        // Korean is rendered as text, not boxes: the concert's Korean title and the labels.
        const QString title = m_model->ticket(0).concertTitle.section(QStringLiteral(" — "), 0, 0);
        QVERIFY(title.contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"))));
        QVERIFY2(words.contains(title), qPrintable(words));
        QVERIFY(words.contains(QStringLiteral("좌석")));
        QVERIFY(m_panel->message().startsWith(QStringLiteral("Saved 2 tickets in ")));
        // Cancelled: nothing written, nothing said.
        FileDialog::setNextSaveName(QString());
        QVERIFY(click("saveTicketsButton"));
        QVERIFY(m_panel->message().startsWith(QStringLiteral("Saved 2 tickets in ")));
    }

    void reprintRepeatsTheCode()
    {
        m_panel->setCurrentRow(1);
        PrintDialog::setNextAnswer(pdf("again.pdf"));
        QVERIFY(click("reprintButton"));
        QCOMPARE(pdfPages(pdf("again.pdf")), 1);
        const QString page = pdf("again");
        QCOMPARE(runTool(QStringLiteral("pdftoppm"),
                         {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("150"),
                          QStringLiteral("-singlefile"), pdf("again.pdf"), page})
                     .exitCode,
                 0);
        QCOMPARE(QString::fromLatin1(scanQr(page + QStringLiteral(".png"))),
                 m_payment.tickets.at(1).code);
        QCOMPARE(m_panel->message(), QStringLiteral("Printed seat 8 again (the same code)."));
        QCOMPARE(count(m_engine->engine, QStringLiteral("SELECT COUNT(*) FROM tickets")), 2);
    }

    void reissueAfterConfirmingInPlace()
    {
        m_panel->setCurrentRow(0);
        auto* button = part<QPushButton>("reissueButton");
        QVERIFY(click("reissueButton")); // asks, on the button itself
        QCOMPARE(button->text(), QStringLiteral("Confirm: new code for seat 7"));
        QCOMPARE(count(m_engine->engine, QStringLiteral("SELECT COUNT(*) FROM tickets")), 2);
        // Choosing another seat takes the question back: it named seat 7.
        m_panel->setCurrentRow(1);
        QCOMPARE(button->text(), QStringLiteral("Re&issue"));
        QVERIFY(click("reissueButton"));
        QCOMPARE(button->text(), QStringLiteral("Confirm: new code for seat 8"));
        // Another button (Save, cancelled) takes it back too.
        FileDialog::setNextSaveName(QString());
        QVERIFY(click("saveTicketsButton"));
        QCOMPARE(button->text(), QStringLiteral("Re&issue"));
        QCOMPARE(count(m_engine->engine, QStringLiteral("SELECT COUNT(*) FROM tickets")), 2);

        m_panel->setCurrentRow(0);
        QVERIFY(click("reissueButton"));
        QVERIFY(click("reissueButton"));
        QCOMPARE(count(m_engine->engine, QStringLiteral("SELECT COUNT(*) FROM tickets")), 3);
        QCOMPARE(button->text(), QStringLiteral("Re&issue"));
        QCOMPARE(m_panel->currentRow(), 0); // still on the seat it was about
        const QString code = m_model->ticket(0).code;
        QVERIFY(code != m_payment.tickets.at(0).code);
        QCOMPARE(text("ticketCode").remove(u'\n'), code);
        QVERIFY(text("ticketInfo").contains(QStringLiteral("Issue 2")));
        QCOMPARE(m_panel->message(),
                 QStringLiteral("Seat 7 has a new ticket (issue 2); print it for the customer."));
        QCOMPARE(count(m_engine->engine,
                       QStringLiteral(
                           "SELECT COUNT(*) FROM tickets WHERE code = ? AND status = 'REVOKED'"),
                       {m_payment.tickets.at(0).code}),
                 1);
        // What a phone reads from the screen now is the new code.
        const QString image = pdf("fresh.png");
        QVERIFY(part<QLabel>("ticketQr")->pixmap().save(image));
        QCOMPARE(QString::fromLatin1(scanQr(image)), code);
    }

    void aRefundedTicketIsNotPrintedOrReissued()
    {
        TestEngine& t = m_engine->engine;
        QVERIFY_RESULT(t->refunds.refund({m_payment.reservationIds.at(0)}, {},
                                         Actor::staff(QStringLiteral("op"))));
        QVERIFY(awaitedOk(m_model->reload()));
        m_panel->setCurrentRow(0);
        QVERIFY(text("ticketInfo").contains(QStringLiteral("Refunded")));
        QCOMPARE(text("ticketQr"), QStringLiteral("Not valid"));
        QVERIFY(!part<QPushButton>("reprintButton")->isEnabled());
        QVERIFY(!part<QPushButton>("reissueButton")->isEnabled());
        // The payment's print has only the ticket that still gets in.
        PrintDialog::setNextAnswer(pdf("rest.pdf"));
        QVERIFY(click("printTicketsButton"));
        QCOMPARE(pdfPages(pdf("rest.pdf")), 1);
        QVERIFY_RESULT(t->refunds.refund({m_payment.reservationIds.at(1)}, {},
                                         Actor::staff(QStringLiteral("op"))));
        QVERIFY(awaitedOk(m_model->reload()));
        QVERIFY(!part<QPushButton>("printTicketsButton")->isEnabled());
        QVERIFY(!part<QPushButton>("saveTicketsButton")->isEnabled());
    }

    void doneHidesTheClosablePanel()
    {
        QVERIFY(!part<QPushButton>("ticketsDoneButton")->isVisible());
        m_panel->setClosable(true);
        QVERIFY(part<QPushButton>("ticketsDoneButton")->isVisible());
        QSignalSpy closed(m_panel.get(), &TicketsPanel::closed);
        QVERIFY(click("ticketsDoneButton"));
        QCOMPARE(closed.size(), 1);
        QVERIFY(!m_panel->isVisible());
    }
};

QTEST_MAIN(TestTicketsPanel)
#include "tst_ticketspanel.moc"
