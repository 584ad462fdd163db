#pragma once

#include <QAccessibleWidget>
#include <QHash>

namespace boxoffice {

class SeatMapView;

// What assistive technology sees of a seat map: a table whose cells are the seats, each named
// by its label ("Seat 7") and described by its tier, price and state, the current seat as the
// focused cell. Installed for every SeatMapView (installSeatMapAccessibility()).
class SeatMapAccessible : public QAccessibleWidget
{
public:
    explicit SeatMapAccessible(SeatMapView* view);
    ~SeatMapAccessible() override;

    int childCount() const override;
    QAccessibleInterface* child(int index) const override;
    int indexOfChild(const QAccessibleInterface* child) const override;
    QAccessibleInterface* focusChild() const override;
    QAccessibleInterface* childAt(int x, int y) const override;

    SeatMapView* view() const;
    // Forgets the seats' interfaces (the map was loaded again).
    void reset();
    // Tells assistive technology the current seat moved (it reads the seat out).
    static void announceCurrent(SeatMapView* view, const QModelIndex& current);

private:
    mutable QHash<int, QAccessible::Id> m_children;
};

// Makes SeatMapView answer with SeatMapAccessible (once per process).
void installSeatMapAccessibility();

} // namespace boxoffice
