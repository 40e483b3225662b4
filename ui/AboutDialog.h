#pragma once

#include <QDialog>

// Version, licence and the Qt and OpenSSL versions actually loaded, for support tickets and audits.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString versionsText();
};
