// Every visible string is translated: the committed .ts files, brought up to date
// with the sources by lupdate, hold nothing unfinished, and the compiled Korean catalogue loads.

#include "common/UiLanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace boxoffice;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingUnfinished_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ko") << QStringLiteral("boxoffice_ko.ts");
        QTest::newRow("en") << QStringLiteral("boxoffice_en.ts");
    }

    void nothingUnfinished()
    {
        QFETCH(QString, file);
        QTemporaryDir tmp;
        const QString copy = tmp.filePath(file);
        QVERIFY(QFile::copy(QStringLiteral(BOXOFFICE_TS_DIR "/") + file, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const QDir root(QStringLiteral(BOXOFFICE_TS_DIR "/../.."));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(BOXOFFICE_LUPDATE),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), root.filePath(QStringLiteral("views")),
                       root.filePath(QStringLiteral("models")),
                       root.filePath(QStringLiteral("app")), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(f.readAll());
        const int unfinished = int(ts.count(QStringLiteral("type=\"unfinished\"")));
        QVERIFY2(unfinished == 0,
                 qPrintable(QStringLiteral("%1 unfinished translations in %2 (run lupdate and "
                                           "translate them)")
                                .arg(unfinished)
                                .arg(file)));
        QVERIFY(ts.count(QStringLiteral("<message")) > 50);
        QVERIFY(!ts.contains(QStringLiteral("<translation></translation>")));
    }

    void koreanCatalogueLoads()
    {
        QCOMPARE(applyUiLanguage(QStringLiteral("ko")), QStringLiteral("ko"));
        QCOMPARE(QCoreApplication::translate("boxoffice::SeatMapModel", "Sold"),
                 QStringLiteral("판매 완료"));
        QCOMPARE(uiLanguage(), Language::Korean);
        QCOMPARE(applyUiLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("boxoffice::SeatMapModel", "Sold"),
                 QStringLiteral("Sold"));
        QCOMPARE(uiLanguage(), Language::English);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
