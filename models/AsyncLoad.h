#pragma once

#include "engine/EngineHost.h"

namespace boxoffice {

// How a model reads through the EngineHost (design A1): runs `fetch(engine)` on the worker and
// hands its value to `apply` on `context`'s thread, unless a newer request was made meanwhile
// (`generation`, a counter the model keeps per kind of request), in which case the old answer is
// dropped. The future finishes once the value is applied, so a caller can chain on it.
template <typename Fetch, typename Apply>
auto loadInto(EngineHost& host, QObject* context, quint64& generation, Fetch fetch, Apply apply)
    -> QFuture<Result<void>>
{
    using R = std::invoke_result_t<Fetch&, Engine&>;
    const quint64 mine = ++generation;
    return host.call(std::move(fetch))
        .then(context, [&generation, mine, apply = std::move(apply)](R r) -> Result<void> {
            if (mine != generation)
                return {}; // superseded: a newer answer is on its way
            if (!r)
                return std::unexpected(r.error());
            apply(std::move(*r));
            return {};
        });
}

} // namespace boxoffice
