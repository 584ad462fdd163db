#include "seatmap/SeatMapAccessible.h"

#include "Format.h"
#include "SeatMapModel.h"
#include "seatmap/SeatMapView.h"

namespace boxoffice {

namespace {

// One seat, a cell of the map's table.
class SeatAccessible : public QAccessibleInterface
{
public:
    SeatAccessible(SeatMapAccessible* map, int row) : m_map(map), m_row(row) {}

    bool isValid() const override { return m_map->isValid() && m_row < m_map->childCount(); }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_map->window(); }
    QAccessibleInterface* parent() const override { return m_map; }
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QAccessible::Role role() const override { return QAccessible::Cell; }
    void setText(QAccessible::Text, const QString&) override {}

    QString text(QAccessible::Text t) const override
    {
        const QModelIndex i = index();
        if (!i.isValid())
            return {};
        switch (t) {
        case QAccessible::Name:
            return SeatMapView::tr("Seat %1").arg(i.data(SeatMapModel::LabelRole).toString());
        case QAccessible::Description:
            //: Read out for a seat: its tier, price and state.
            return SeatMapView::tr("%1 · %2 · %3")
                .arg(i.data(SeatMapModel::TierRole).toString(),
                     Format::krw(i.data(SeatMapModel::PriceRole).toLongLong()),
                     SeatMapModel::stateName(SeatState(i.data(SeatMapModel::StateRole).toInt())));
        default:
            return {};
        }
    }

    QRect rect() const override
    {
        SeatMapView* view = m_map->view();
        const QRect r = view->visualRect(index());
        return QRect(view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        SeatMapView* view = m_map->view();
        s.focusable = true;
        s.selectable = true;
        const QModelIndex i = index();
        s.focused = view->hasFocus() && view->currentIndex() == i;
        s.selected = view->currentIndex() == i;
        s.invisible = !view->viewport()->rect().intersects(view->visualRect(i));
        const auto seat = SeatState(i.data(SeatMapModel::StateRole).toInt());
        s.disabled = seat == SeatState::Sold || seat == SeatState::HeldByOther;
        s.checked = seat == SeatState::HeldByMe;
        s.checkable = true;
        return s;
    }

private:
    QModelIndex index() const
    {
        QAbstractItemModel* m = m_map->view()->model();
        return m ? m->index(m_row, 0) : QModelIndex();
    }

    SeatMapAccessible* m_map;
    int m_row;
};

QAccessibleInterface* seatMapFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String("boxoffice::SeatMapView") && object && object->isWidgetType())
        return new SeatMapAccessible(static_cast<SeatMapView*>(object));
    return nullptr;
}

} // namespace

SeatMapAccessible::SeatMapAccessible(SeatMapView* view)
    : QAccessibleWidget(view, QAccessible::Table)
{}

SeatMapAccessible::~SeatMapAccessible()
{
    reset();
}

SeatMapView* SeatMapAccessible::view() const
{
    return static_cast<SeatMapView*>(widget());
}

void SeatMapAccessible::reset()
{
    for (QAccessible::Id id : std::as_const(m_children))
        QAccessible::deleteAccessibleInterface(id);
    m_children.clear();
}

int SeatMapAccessible::childCount() const
{
    return view()->model() ? view()->model()->rowCount() : 0;
}

QAccessibleInterface* SeatMapAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    // Made on demand: a stadium's 50,000 seats cost nothing until someone asks for one.
    auto it = m_children.constFind(index);
    if (it == m_children.constEnd()) {
        auto* seat = new SeatAccessible(const_cast<SeatMapAccessible*>(this), index);
        it = m_children.insert(index, QAccessible::registerAccessibleInterface(seat));
    }
    return QAccessible::accessibleInterface(*it);
}

int SeatMapAccessible::indexOfChild(const QAccessibleInterface* child) const
{
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
        if (QAccessible::accessibleInterface(it.value()) == child)
            return it.key();
    }
    return -1;
}

QAccessibleInterface* SeatMapAccessible::focusChild() const
{
    const QModelIndex current = view()->currentIndex();
    return current.isValid() ? child(current.row()) : nullptr;
}

QAccessibleInterface* SeatMapAccessible::childAt(int x, int y) const
{
    const QPoint local = view()->viewport()->mapFromGlobal(QPoint(x, y));
    const QModelIndex i = view()->indexAt(local);
    return i.isValid() ? child(i.row()) : nullptr;
}

void SeatMapAccessible::announceCurrent(SeatMapView* view, const QModelIndex& current)
{
    if (!QAccessible::isActive() || !current.isValid())
        return;
    QAccessibleEvent focus(view, view->hasFocus() ? QAccessible::Focus : QAccessible::Selection);
    focus.setChild(current.row());
    QAccessible::updateAccessibility(&focus);
}

void installSeatMapAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(seatMapFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace boxoffice
