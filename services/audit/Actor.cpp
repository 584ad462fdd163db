#include "audit/Actor.h"

#include <algorithm>

namespace boxoffice {

Result<QString> Actor::checkedName(const QString& typed)
{
    const QString name = typed.simplified();
    if (name.isEmpty())
        return fail(Error::make(ErrorCode::BadRequest, QStringLiteral("이름을 입력하세요."),
                                QStringLiteral("Type a name.")));
    if (name.size() > kMaxNameLength)
        return fail(Error::make(
            ErrorCode::BadRequest,
            QStringLiteral("이름은 %1자 이하로 입력하세요.").arg(kMaxNameLength),
            QStringLiteral("A name may be at most %1 characters long.").arg(kMaxNameLength)));
    if (std::any_of(name.cbegin(), name.cend(), [](QChar c) {
            return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
        }))
        return fail(Error::make(ErrorCode::BadRequest,
                                QStringLiteral("이름에 쓸 수 없는 문자가 있습니다."),
                                QStringLiteral("The name holds characters that cannot be used.")));
    return name;
}

} // namespace boxoffice
