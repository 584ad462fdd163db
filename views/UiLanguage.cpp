#include "UiLanguage.h"

namespace boxoffice {

namespace {
Language g_language = Language::Korean;
}

void setUiLanguage(Language language)
{
    g_language = language;
}

Language uiLanguage()
{
    return g_language;
}

QString errorText(const Error& error)
{
    return error.message(g_language);
}

} // namespace boxoffice
