// A ticket code as a QR symbol (design K3): a phone's decoder (zbarimg) reads back exactly
// the code, from the screen image and from the symbol painted at a printer's scale.

#include "TicketQr.h"
#include "TicketScanning.h"
#include "support/TestSupport.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

class TestTicketQr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackExactly_data();
    void readsBackExactly();
    void paintedAtPrintScaleReadsBack();
    void refusesWhatItCannotHold();

private:
    QTemporaryDir m_dir;
};

void TestTicketQr::readsBackExactly_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("longest") << codeOfLength(199, 1);
    QTest::newRow("shortest") << codeOfLength(140, 2);
    QTest::newRow("mixed case and -_") << QStringLiteral("BO1.aA-_zZ09") + codeOfLength(150, 5);
}

void TestTicketQr::readsBackExactly()
{
    QFETCH(QString, code);
    const auto qr = TicketQr::encode(code);
    QVERIFY_RESULT(qr);
    const QImage image = qr->toImage(4);
    QCOMPARE(image.width(), (qr->modules() + 2 * TicketQr::kQuietZone) * 4);
    QCOMPARE(image.height(), image.width());
    // The quiet zone is white all round.
    for (int i = 0; i < image.width(); ++i) {
        QCOMPARE(image.pixelColor(i, 0), QColor(Qt::white));
        QCOMPARE(image.pixelColor(0, i), QColor(Qt::white));
    }
    const QString png = m_dir.filePath(QStringLiteral("%1.png").arg(QTest::currentDataTag()));
    QVERIFY(image.save(png));
    QCOMPARE(QString::fromLatin1(scanQr(png)), code);
}

void TestTicketQr::paintedAtPrintScaleReadsBack()
{
    // Painted, not blitted: a fractional module size, as on a page at the printer's resolution.
    const QString code = codeOfLength(199, 9);
    const auto qr = TicketQr::encode(code);
    QVERIFY_RESULT(qr);
    QImage page(700, 700, QImage::Format_RGB32);
    page.fill(QColor(0xf4, 0xf0, 0xe6)); // not pure white paper
    QPainter p(&page);
    qr->paint(p, QRectF(53.3, 61.7, 431.9, 431.9));
    p.end();
    const QString png = m_dir.filePath(QStringLiteral("painted.png"));
    QVERIFY(page.save(png));
    QCOMPARE(QString::fromLatin1(scanQr(png)), code);
}

void TestTicketQr::refusesWhatItCannotHold()
{
    QCOMPARE_ERROR(TicketQr::encode(QString()), ErrorCode::BadRequest);
    QCOMPARE_ERROR(TicketQr::encode(QString(8000, u'x')), ErrorCode::BadRequest);
}

QTEST_MAIN(TestTicketQr)
#include "tst_ticketqr.moc"
