#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace boxoffice {

// A large venue's floor plan, from a layout file in resources/layouts: sections of rows of
// seats, each section with a tier, a price and a place on the plan.
struct VenueLayout
{
    // A seat's label is "<section>-<row>-<seat>" and goes into its signed ticket code, whose
    // length is bounded (TicketCode::kMaxSeatLabelBytes): section names are at most this many
    // UTF-8 bytes, rows and seats per row at most kMaxRows and kMaxSeatsPerRow.
    static constexpr int kMaxSectionNameBytes = 32;
    static constexpr int kMaxRows = 1000;
    static constexpr int kMaxSeatsPerRow = 1000;

    struct Section
    {
        QString name;
        QString tier;
        qint64 price = 0;
        int rows = 0;
        int seatsPerRow = 0;
        int x = 0; // top-left cell on the plan
        int y = 0;
    };

    QString name;
    QString title;
    QList<Section> sections;

    int seatCount() const;

    // Parses the JSON layout; a clear error for anything malformed.
    static Result<VenueLayout> parse(const QByteArray& json);
    // A layout shipped in the resources (":/layouts/NAME.json").
    static Result<VenueLayout> builtIn(const QString& name);
};

} // namespace boxoffice
