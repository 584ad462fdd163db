// Tickets on paper (design K3): the PDF of a payment has one page a ticket, with the concert, date,
// seat, tier, price, payment number and the code in text, Korean rendered in an embedded font that
// has Hangul, and "TRAINING — NOT VALID" on training tickets only; each page, printed, scans back
// to its code. Checked with poppler's tools and zbarimg on the PDF itself, as a person's viewer,
// printer and phone would read it.

#include "TicketDocument.h"
#include "TicketScanning.h"
#include "core/Error.h"
#include "support/TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QList<PrintedTicket> payment()
{
    PrintedTicket a;
    a.concertTitle = QStringLiteral("아이유 콘서트 — IU Concert");
    a.venue = QStringLiteral("올림픽공원 KSPO DOME");
    a.startsAtMs = kStartMs + 10LL * 86400000;
    a.seatLabel = QStringLiteral("B-12-34");
    a.tier = QStringLiteral("VIP");
    a.price = 220000;
    a.paymentId = 9001;
    a.ticketId = 501;
    a.code = codeOfLength(199, 3);
    PrintedTicket b = a;
    b.seatLabel = QStringLiteral("B-12-35");
    b.ticketId = 502;
    b.issueNumber = 2;
    b.code = codeOfLength(140, 11);
    PrintedTicket c = a;
    c.seatLabel = QStringLiteral("1층-7-8");
    c.tier = QStringLiteral("R");
    c.price = 165000;
    c.ticketId = 503;
    c.training = true;
    c.code = codeOfLength(168, 29);
    return {a, b, c};
}

QString pageText(const QString& pdf, int page)
{
    return QString::fromUtf8(
        runTool(QStringLiteral("pdftotext"),
                {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                 QString::number(page), QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf,
                 QStringLiteral("-")})
            .out);
}

} // namespace

class TestTicketDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pdfHasOnePageATicket();
    void pdfShowsTheTicketsTextInKoreanAndEnglish();
    void pdfEmbedsAFontWithHangul();
    void pdfPagesScanBackToTheirCodes();
    void trainingTicketsSaySo();
    void nothingToPrintIsRefused();
    void unwritablePathIsRefused();

private:
    QTemporaryDir m_dir;
    QString m_pdf;
};

void TestTicketDocument::initTestCase()
{
    // BOXOFFICE_KEEP_TICKET_PDF=1 keeps the files to look at.
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("BOXOFFICE_KEEP_TICKET_PDF"));
    if (!m_dir.autoRemove())
        qInfo("ticket files in %s", qPrintable(m_dir.path()));
    m_pdf = m_dir.filePath(QStringLiteral("payment-9001.pdf"));
    QVERIFY_RESULT(TicketDocument::writePdf(m_pdf, payment()));
    QVERIFY(QFile(m_pdf).size() > 1000);
}

void TestTicketDocument::pdfHasOnePageATicket()
{
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {m_pdf}).out);
    const auto pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY2(pages.hasMatch(), qPrintable(info));
    QCOMPARE(pages.captured(1).toInt(), 3);
    QVERIFY2(info.contains(QStringLiteral("아이유 콘서트")), qPrintable(info)); // the title
    // And one ticket alone is one page.
    const QString single = m_dir.filePath(QStringLiteral("single.pdf"));
    QVERIFY_RESULT(TicketDocument::writePdf(single, {payment().constFirst()}));
    QVERIFY(QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {single}).out)
                .contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))));
}

void TestTicketDocument::pdfShowsTheTicketsTextInKoreanAndEnglish()
{
    const QList<PrintedTicket> tickets = payment();
    for (int i = 0; i < tickets.size(); ++i) {
        const PrintedTicket& t = tickets.at(i);
        const QString text = pageText(m_pdf, i + 1);
        for (const QString& expected :
             {QStringLiteral("아이유 콘서트"), QStringLiteral("IU Concert"), t.seatLabel,
              QStringLiteral("좌석"), QStringLiteral("Seat"), t.tier,
              QStringLiteral("%1원").arg(QLocale(QLocale::English).toString(t.price)),
              QStringLiteral("9001"), QStringLiteral("결제 번호"), QStringLiteral("KSPO DOME"),
              QStringLiteral("일시"), QStringLiteral("Date and time")})
            QVERIFY2(
                text.contains(expected),
                qPrintable(QStringLiteral("page %1 lacks %2:\n%3").arg(i + 1).arg(expected, text)));
        // The date, in both languages (local time, as the window shows it).
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(t.startsAtMs).toLocalTime();
        QVERIFY(text.contains(QStringLiteral("%1년").arg(when.date().year())));
        QVERIFY(
            text.contains(QLocale(QLocale::English).toString(when, QStringLiteral("MMM yyyy"))));
        // The code in text, whole, on its page only (wrapped lines joined).
        QString joined = text;
        joined.remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY2(joined.contains(t.code), qPrintable(text));
        for (int j = 0; j < tickets.size(); ++j) {
            if (j != i)
                QVERIFY(!joined.contains(tickets.at(j).code));
        }
    }
    // The reissued ticket says so.
    QVERIFY(pageText(m_pdf, 2).contains(QLatin1String("reissue 2")));
}

void TestTicketDocument::pdfEmbedsAFontWithHangul()
{
    // pdffonts: name, type, encoding, emb, sub, uni, object id (two numbers). The Hangul above
    // came out of the PDF as text, so a font drew it; every font must travel inside the file (a
    // printer or another computer without Noto shows the same), and one is the Korean font.
    const QString fonts = QString::fromUtf8(runTool(QStringLiteral("pdffonts"), {m_pdf}).out);
    const QStringList lines = fonts.split(u'\n', Qt::SkipEmptyParts).mid(2);
    QVERIFY2(!lines.isEmpty(), qPrintable(fonts));
    bool korean = false;
    for (const QString& line : lines) {
        const QStringList cols = line.simplified().split(u' ');
        QVERIFY2(cols.size() >= 7, qPrintable(line));
        QVERIFY2(cols.at(cols.size() - 5) == QLatin1String("yes"), qPrintable(line)); // emb
        QVERIFY2(cols.at(cols.size() - 3) == QLatin1String("yes"), qPrintable(line)); // uni
        korean = korean || cols.constFirst().contains(QLatin1String("CJKkr"));
    }
    QVERIFY2(korean, qPrintable(fonts));
}

void TestTicketDocument::pdfPagesScanBackToTheirCodes()
{
    // Each page rendered as a home printer would, then read like a phone would.
    const QList<PrintedTicket> tickets = payment();
    for (int i = 0; i < tickets.size(); ++i) {
        const QString prefix = m_dir.filePath(QStringLiteral("page-%1").arg(i + 1));
        const ToolRun t =
            runTool(QStringLiteral("pdftoppm"),
                    {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-f"),
                     QString::number(i + 1), QStringLiteral("-l"), QString::number(i + 1),
                     QStringLiteral("-png"), QStringLiteral("-singlefile"), m_pdf, prefix});
        QCOMPARE(t.exitCode, 0);
        QCOMPARE(QString::fromLatin1(scanQr(prefix + QStringLiteral(".png"))), tickets.at(i).code);
    }
}

void TestTicketDocument::trainingTicketsSaySo()
{
    QVERIFY(pageText(m_pdf, 3).contains(QStringLiteral("TRAINING — NOT VALID")));
    QVERIFY(pageText(m_pdf, 3).contains(QStringLiteral("교육용")));
    for (int page : {1, 2}) {
        QVERIFY(!pageText(m_pdf, page).contains(QLatin1String("TRAINING")));
        QVERIFY(pageText(m_pdf, page).contains(QLatin1String("Admission ticket")));
    }
}

void TestTicketDocument::nothingToPrintIsRefused()
{
    QCOMPARE_ERROR(TicketDocument::toPdf({}), ErrorCode::BadRequest);
    QList<PrintedTicket> broken = payment();
    broken[1].code.clear();
    const QString path = m_dir.filePath(QStringLiteral("broken.pdf"));
    QCOMPARE_ERROR(TicketDocument::writePdf(path, broken), ErrorCode::BadRequest);
    QVERIFY(!QFile::exists(path)); // nothing half-written
}

void TestTicketDocument::unwritablePathIsRefused()
{
    const auto r =
        TicketDocument::writePdf(m_dir.filePath(QStringLiteral("no/such/dir/t.pdf")), payment());
    QCOMPARE_ERROR(r, ErrorCode::StorageError);
    QVERIFY(r.error().english.contains(QLatin1String("no/such/dir")));
}

QTEST_MAIN(TestTicketDocument)
#include "tst_ticketdocument.moc"
