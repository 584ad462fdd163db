#pragma once

namespace boxoffice::SeatZoom {

// The seat sizes a map zooms through, so that in and out retrace each other.
inline constexpr int kSteps[] = {12, 16, 20, 24, 30, 36, 44, 56, 72, 96};
inline constexpr int kMin = kSteps[0];
inline constexpr int kMax = kSteps[sizeof(kSteps) / sizeof(kSteps[0]) - 1];

// The next step up from `cell` (or the largest), the next down (or the smallest), and the
// largest step not above `pixels` (or the smallest).
constexpr int above(int cell)
{
    for (int step : kSteps) {
        if (step > cell)
            return step;
    }
    return kMax;
}

constexpr int clamped(int cell)
{
    return cell < kMin ? kMin : cell > kMax ? kMax : cell;
}

constexpr int below(int cell)
{
    int found = kMin;
    for (int step : kSteps) {
        if (step < cell)
            found = step;
    }
    return found;
}

constexpr int atMost(int pixels)
{
    int found = kMin;
    for (int step : kSteps) {
        if (step <= pixels)
            found = step;
    }
    return found;
}

} // namespace boxoffice::SeatZoom
