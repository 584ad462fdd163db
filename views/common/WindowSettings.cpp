#include "common/WindowSettings.h"

#include "seatmap/SeatZoom.h"

#include <QMainWindow>
#include <QSplitter>

#include <algorithm>

namespace boxoffice {

namespace {

const QString kLanguage = QStringLiteral("window/language");
const QString kSeatZoom = QStringLiteral("window/seatZoom");
const QString kSearch = QStringLiteral("window/customerSearch");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitters = QStringLiteral("window/splitters/");
const QString kRecent = QStringLiteral("databases/recent");

// A value of the kind asked for, or nothing: QSettings turns whatever the file holds into a
// QVariant, and a damaged file can hold anything.
QString stringValue(const QSettings& s, const QString& key)
{
    const QVariant v = s.value(key);
    return v.typeId() == QMetaType::QString ? v.toString() : QString();
}

QByteArray bytesValue(const QSettings& s, const QString& key)
{
    const QVariant v = s.value(key);
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : QByteArray();
}

} // namespace

WindowSettings::WindowSettings() = default;

QString WindowSettings::language() const
{
    const QString lang = stringValue(m_settings, kLanguage);
    return lang == QLatin1String("ko") || lang == QLatin1String("en") ? lang : QString();
}

void WindowSettings::setLanguage(const QString& language)
{
    m_settings.setValue(kLanguage, language);
}

int WindowSettings::seatZoom() const
{
    bool ok = false;
    const int cell = m_settings.value(kSeatZoom).toInt(&ok);
    return ok && std::ranges::find(SeatZoom::kSteps, cell) != std::end(SeatZoom::kSteps) ? cell : 0;
}

void WindowSettings::setSeatZoom(int cellSize)
{
    m_settings.setValue(kSeatZoom, cellSize);
}

QString WindowSettings::customerSearch() const
{
    const QString text = stringValue(m_settings, kSearch);
    const bool printable = std::ranges::none_of(
        text, [](QChar c) { return c.isNonCharacter() || c.category() == QChar::Other_Control; });
    return text.size() <= kMaxSearchLength && printable ? text : QString();
}

void WindowSettings::setCustomerSearch(const QString& text)
{
    m_settings.setValue(kSearch, text.left(kMaxSearchLength));
}

QStringList WindowSettings::recentDatabases() const
{
    const QVariant v = m_settings.value(kRecent);
    // One entry comes back from an INI file as a plain string.
    if (v.typeId() == QMetaType::QString)
        return {v.toString()};
    if (v.typeId() != QMetaType::QStringList)
        return {};
    return v.toStringList();
}

void WindowSettings::setRecentDatabases(const QStringList& locations)
{
    m_settings.setValue(kRecent, locations);
}

void WindowSettings::saveWindow(const QMainWindow& window)
{
    m_settings.setValue(kGeometry, window.saveGeometry());
    m_settings.setValue(kState, window.saveState());
    const auto splitters = window.findChildren<QSplitter*>();
    for (const QSplitter* split : splitters) {
        if (!split->objectName().isEmpty())
            m_settings.setValue(kSplitters + split->objectName(), split->saveState());
    }
}

bool WindowSettings::restoreWindow(QMainWindow& window) const
{
    // Each restore checks its bytes and leaves the widget alone when they make no sense.
    bool restored = window.restoreGeometry(bytesValue(m_settings, kGeometry));
    restored = window.restoreState(bytesValue(m_settings, kState)) && restored;
    const auto splitters = window.findChildren<QSplitter*>();
    for (QSplitter* split : splitters) {
        if (split->objectName().isEmpty())
            continue;
        // QSplitter takes a truncated state for a good one and reads zeros past its end (an
        // orientation of 0, no handle): what the splitter was is put back unless the state
        // left it as it must be.
        const QByteArray before = split->saveState();
        const Qt::Orientation orientation = split->orientation();
        const int handle = split->handleWidth();
        const int columns = split->count();
        if (!split->restoreState(bytesValue(m_settings, kSplitters + split->objectName())))
            continue;
        const QList<int> sizes = split->sizes();
        if (split->orientation() != orientation || split->handleWidth() != handle ||
            sizes.size() != columns || std::ranges::any_of(sizes, [](int w) { return w < 0; }))
            split->restoreState(before);
    }
    return restored;
}

} // namespace boxoffice
