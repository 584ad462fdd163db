// HelpBrowser (offscreen): the built-in README and its screenshots, no file outside the program
// and no network; the developers' part left out at the marker; wide screenshots fitted.

#include "support/TestSupport.h"

#include "common/HelpBrowser.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>

using namespace boxoffice;

class TestHelpBrowser : public QObject
{
    Q_OBJECT

private:
    static QList<QTextImageFormat> images(const QTextDocument& doc)
    {
        QList<QTextImageFormat> out;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isImageFormat())
                    out << it.fragment().charFormat().toImageFormat();
            }
        }
        return out;
    }

private Q_SLOTS:
    void theManualIsTheBuiltInReadme()
    {
        QFile readme(QStringLiteral(BOXOFFICE_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QCOMPARE(HelpBrowser::manualMarkdown(),
                 HelpBrowser::userSections(QString::fromUtf8(readme.readAll())));
        QVERIFY(HelpBrowser::manualMarkdown().startsWith(QLatin1String("# Box Office")));
    }

    void developersPartIsLeftOut()
    {
        const QString readme = QStringLiteral("# Box Office\n\n## Selling\n\ntext\n\n") +
                               HelpBrowser::kEndOfManual +
                               QStringLiteral("\n\n## Architecture\n\nlayers\n");
        const QString user = HelpBrowser::userSections(readme);
        QVERIFY(user.contains(QLatin1String("## Selling")));
        QVERIFY(!user.contains(QLatin1String("Architecture")));
        const QString whole = QStringLiteral("# Box Office\n\n## Architecture\n");
        QCOMPARE(HelpBrowser::userSections(whole), whole);
    }

    void everyScreenshotIsBuiltInAndFits()
    {
        HelpBrowser help;
        help.show();
        QVERIFY(QTest::qWaitForWindowExposed(&help));
        const QList<QTextImageFormat> shown = images(*help.text()->document());
        const QString markdown = HelpBrowser::manualMarkdown();
        const qsizetype referenced =
            markdown.count(QRegularExpression(QStringLiteral(R"(!\[[^\]]*\]\(docs/[^)]+\.png\))")));
        QVERIFY(referenced > 0);
        QCOMPARE(shown.size(), referenced);
        for (const QTextImageFormat& image : shown) {
            // Loaded the way the browser loads it: from the resources, by the README's path.
            const QVariant data =
                help.text()->loadResource(QTextDocument::ImageResource, QUrl(image.name()));
            QVERIFY2(!QImage::fromData(data.toByteArray()).isNull(), qPrintable(image.name()));
            const QImage picture(QStringLiteral(":/manual/") + image.name());
            QVERIFY2(!picture.isNull(), qPrintable(image.name()));
            if (picture.width() > HelpBrowser::kMaxImageWidth) {
                QCOMPARE(image.width(), double(HelpBrowser::kMaxImageWidth));
                QCOMPARE(qRound(image.height()), qRound(double(HelpBrowser::kMaxImageWidth) *
                                                        picture.height() / picture.width()));
            }
        }
    }

    void opensAtTheTitle()
    {
        HelpBrowser help;
        help.show();
        QVERIFY(QTest::qWaitForWindowExposed(&help));
        QCOMPARE(help.text()->verticalScrollBar()->value(), 0);
        QCOMPARE(help.text()->textCursor().position(), 0);
        QVERIFY(QTest::qWaitForWindowActive(&help));
        QTest::keyClick(&help, Qt::Key_Escape);
        QVERIFY(!help.isVisible());
    }

    void linksStayInside()
    {
        // A link to the web is not followed (no browser, no network): the page stays.
        HelpBrowser help;
        const QString before = help.text()->toPlainText();
        Q_EMIT help.text()->anchorClicked(QUrl(QStringLiteral("https://example.org/")));
        QCOMPARE(help.text()->source(), QUrl());
        QCOMPARE(help.text()->toPlainText(), before);
    }
};

QTEST_MAIN(TestHelpBrowser)
#include "tst_helpbrowser.moc"
