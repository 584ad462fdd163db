#pragma once

#include <QWidget>

class QTextBrowser;

namespace boxoffice {

// The user's manual: the README's user sections with the screenshots they show, built into the
// program (Qt resources under :/manual), so Help works offline and without the installed files.
// A window of its own, so the manual stays open beside the sale.
class HelpBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit HelpBrowser(QWidget* parent = nullptr);

    QTextBrowser* text() const { return m_text; }

    // The built-in README's user sections (userSections).
    static QString manualMarkdown();
    // A README's text up to the line kEndOfManual (what follows is for the people who build
    // the program); all of it when that line is missing.
    static QString userSections(const QString& readme);
    static constexpr QLatin1String kEndOfManual{"<!-- end of the user's manual -->"};
    // Screenshots wider than this (logical pixels) are shown scaled down to it.
    static constexpr int kMaxImageWidth = 760;

private:
    void fitImages();
    void follow(const QUrl& link);

    QTextBrowser* m_text;
};

} // namespace boxoffice
