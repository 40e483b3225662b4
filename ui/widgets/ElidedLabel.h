#pragma once

#include <QLabel>

// One line of text that never widens its window: it takes the width the layout gives it and elides
// the middle of its text to fit (a long user ID keeps its start and its end), with the full text in
// its tooltip and its accessible name.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_full;
};
