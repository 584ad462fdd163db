#include "common/HelpBrowser.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QShortcut>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QUrl>
#include <QVBoxLayout>

namespace boxoffice {

namespace {

const QString kManualRoot = QStringLiteral(":/manual");

// Qt 6.4's Markdown reader places an image when it reads its alt text, so an image without one
// (`![](docs/x.png)`, as in the README's tables) would vanish: it gets its file name.
QString withAltTexts(QString markdown)
{
    static const QRegularExpression bare(QStringLiteral(R"(!\[\]\(([^)\s]+)\))"));
    return markdown.replace(bare, QStringLiteral("![\\1](\\1)"));
}

} // namespace

HelpBrowser::HelpBrowser(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("Box Office — User's manual"));
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("manualText"));
    // Links are followed here, never handed to a web browser: the manual is read offline.
    m_text->setOpenLinks(false);
    m_text->setOpenExternalLinks(false);
    // The screenshots' relative paths (docs/…) resolve inside the resources.
    m_text->setSearchPaths({kManualRoot});
    connect(m_text, &QTextBrowser::anchorClicked, this, &HelpBrowser::follow);
    // Closed as other windows of its kind are (it has no button of its own).
    for (const QKeySequence& key :
         {QKeySequence(QKeySequence::Close), QKeySequence(Qt::Key_Escape)})
        connect(new QShortcut(key, this), &QShortcut::activated, this, &QWidget::close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);

    m_text->document()->setMarkdown(withAltTexts(manualMarkdown()));
    fitImages();
    m_text->moveCursor(QTextCursor::Start); // at the title, not where the last edit left it
    // About two screenshots wide and most of a laptop screen high, in the font's units so that
    // it grows with the text at 200 %.
    const int em = fontMetrics().height();
    resize(std::min(kMaxImageWidth + 4 * em, 60 * em), 40 * em);
}

QString HelpBrowser::manualMarkdown()
{
    QFile f(kManualRoot + QStringLiteral("/README.md"));
    if (!f.open(QIODevice::ReadOnly))
        return tr("# The manual is missing\n\nThis copy of Box Office was built without its"
                  " README.");
    return userSections(QString::fromUtf8(f.readAll()));
}

QString HelpBrowser::userSections(const QString& readme)
{
    const qsizetype end = readme.indexOf(kEndOfManual);
    return end >= 0 ? readme.left(end) : readme;
}

void HelpBrowser::fitImages()
{
    // Markdown gives an image no size; a 1280-pixel screenshot would need scrolling sideways.
    QTextDocument* doc = m_text->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat())
                continue;
            QTextImageFormat image = format.toImageFormat();
            const QImage picture(kManualRoot + u'/' + QUrl(image.name()).path());
            if (picture.isNull() || picture.width() <= kMaxImageWidth)
                continue;
            image.setWidth(kMaxImageWidth);
            image.setHeight(double(kMaxImageWidth) * picture.height() / picture.width());
            QTextCursor cursor(doc);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}

void HelpBrowser::follow(const QUrl& link)
{
    // Within the manual only: anything else would need a browser or the network.
    if (link.isRelative() && link.path().isEmpty() && link.hasFragment())
        m_text->scrollToAnchor(link.fragment());
}

} // namespace boxoffice
