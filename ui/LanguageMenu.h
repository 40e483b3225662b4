#pragma once

#include <QMenu>

class AppSettings;

// View → Language: follow the system locale, or force one of the shipped languages. The choice is
// saved in settings.ini (the CLI reads the same setting) and applies from the next start, because
// every window text is built once.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    LanguageMenu(AppSettings *settings, QWidget *parent = nullptr);

signals:
    void languageChosen(const QString &code, const QString &message);

private:
    AppSettings *m_settings;
};
