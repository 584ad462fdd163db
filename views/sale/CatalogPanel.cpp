#include "sale/CatalogPanel.h"

#include "common/Accessibility.h"

#include "SaleSession.h"

#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace boxoffice {

namespace {

// Rows as tall as their words wrapped to the list's width (a list view alone measures them on
// one line and elides), and never shorter than a finger.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    WrappingDelegate(int minimumHeight, QObject* parent)
        : QStyledItemDelegate(parent), m_minimumHeight(minimumHeight)
    {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem wrapped(option);
        if (const auto* list = qobject_cast<const QListView*>(option.widget)) {
            const int width = list->viewport()->width() - 2 * list->spacing();
            wrapped.rect = QRect(0, 0, std::max(1, width), 1);
        }
        QSize size = QStyledItemDelegate::sizeHint(wrapped, index);
        size.setHeight(std::max(size.height(), m_minimumHeight));
        return size;
    }

private:
    int m_minimumHeight;
};

} // namespace

CatalogPanel::CatalogPanel(SaleSession& session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("catalogPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* concertLabel = new QLabel(tr("C&oncerts"), this);
    m_concerts = new QListView(this);
    m_concerts->setObjectName(QStringLiteral("concertList"));
    m_concerts->setModel(&session.concerts());
    m_concerts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_concerts->setWordWrap(true);
    concertLabel->setBuddy(m_concerts);
    auto* scheduleLabel = new QLabel(tr("&Dates"), this);
    m_schedules = new QListView(this);
    m_schedules->setObjectName(QStringLiteral("scheduleList"));
    m_schedules->setModel(&session.schedules());
    m_schedules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_schedules->setWordWrap(true);
    scheduleLabel->setBuddy(m_schedules);
    layout->addWidget(concertLabel);
    layout->addWidget(m_concerts, 1);
    layout->addWidget(scheduleLabel);
    layout->addWidget(m_schedules, 1);
    describe(m_concerts, tr("Concerts"),
             tr("Choosing a concert puts the customer in its queue and picks its first date."));
    describe(m_schedules, tr("Dates"), tr("The concert's performances and the seats left."));

    connect(m_concerts->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& i) {
                if (i.isValid())
                    m_session.selectConcert(m_session.concerts().idAt(i.row()));
            });
    connect(m_schedules->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& i) {
                if (i.isValid())
                    m_session.selectSchedule(m_session.schedules().idAt(i.row()));
            });
    connect(&session, &SaleSession::concertChanged, this, &CatalogPanel::showSelection);
    connect(&session.schedules(), &QAbstractItemModel::modelReset, this,
            &CatalogPanel::showSelection);
    connect(&session.concerts(), &QAbstractItemModel::modelReset, this,
            &CatalogPanel::showSelection);
}

void CatalogPanel::setKioskStyle(int minimumRowHeight)
{
    for (QListView* list : {m_concerts, m_schedules}) {
        list->setSpacing(6);
        // Names and dates wrap to the column rather than run past it.
        list->setItemDelegate(new WrappingDelegate(minimumRowHeight, list));
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setResizeMode(QListView::Adjust);
    }
}

void CatalogPanel::showSelection()
{
    // What the session chose (by itself, or after a reset) is what the lists show.
    const int concertRow = m_session.concerts().rowOf(m_session.concertId());
    {
        const QSignalBlocker block(m_concerts->selectionModel());
        if (concertRow >= 0)
            m_concerts->setCurrentIndex(m_session.concerts().index(concertRow));
        else
            m_concerts->selectionModel()->clear();
    }
    const int scheduleRow = m_session.schedules().rowOf(m_session.scheduleId());
    const QSignalBlocker block(m_schedules->selectionModel());
    if (scheduleRow >= 0)
        m_schedules->setCurrentIndex(m_session.schedules().index(scheduleRow));
    else
        m_schedules->selectionModel()->clear();
    m_concerts->viewport()->update();
    m_schedules->viewport()->update();
}

} // namespace boxoffice
