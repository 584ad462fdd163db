#pragma once

#include "core/Error.h"

#include <QString>

namespace boxoffice {

// Who does a staff action (design R5): the person signed in at the terminal, by the name they
// gave (--operator, or typed at start; no passwords in this product). The terminal is the
// engine's own (AuditLog::terminal). An actor without a name is the customer acting for
// themselves, at the kiosk or through the customer API: their payments and charges carry no
// operator and are not staff actions.
struct Actor
{
    QString operatorName;

    static Actor customer() { return {}; }
    static Actor staff(QString name) { return Actor{std::move(name)}; }
    bool isStaff() const { return !operatorName.isEmpty(); }

    // The longest operator name kept, in characters.
    static constexpr int kMaxNameLength = 64;
    // A typed name made fit to record: trimmed, runs of white space made one space. Refused
    // (BAD_REQUEST, said in both languages) when nothing is left, it is longer than
    // kMaxNameLength, or it holds control characters.
    static Result<QString> checkedName(const QString& typed);
};

} // namespace boxoffice
