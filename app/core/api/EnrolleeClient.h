#pragma once

#include "api/ApiResult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class Clock;
class QNetworkAccessManager;

// One request in flight. Emits finished() exactly once, then deletes itself later.
class ClientCall : public QObject
{
    Q_OBJECT
public:
    void abort();
    QUrl url() const { return m_url; }

signals:
    void finished(const ApiResult &result);

private:
    friend class EnrolleeClient;
    ClientCall(QNetworkReply *reply, const QUrl &url, int timeoutMs, int deadlineMs, qint64 maxBody, const Clock *clock,
               QObject *parent);
    void onProgress();
    void onReadyRead();
    void onFinished();
    void readHeaders(ApiResult &result) const;
    void classify(ApiResult &result) const;
    void finish(ApiResult result);

    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QTimer m_timeout;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    QByteArray m_body;
    qint64 m_received = 0;
    qint64 m_maxBody;
    bool m_timedOut = false;
    bool m_pastDeadline = false;
    bool m_cancelled = false;
    bool m_done = false;
    bool m_sentSomething = false;
    const Clock *m_clock;
    QStringList m_tlsErrors;
};

// Posts signed JSON bodies to the enrollee endpoint on an injected QNetworkAccessManager. Purely
// asynchronous, any number of calls in flight; HTTPS is required for every host but loopback and
// TLS errors are failures, never ignored. A manager opens at most six HTTP/1.1 connections to one host
// and queues the rest, so calls past six go over managers of the client's own (same proxy), made when
// first needed: a bulk run at concurrency 8 has eight requests at the server, not six.
class EnrolleeClient : public QObject
{
    Q_OBJECT
public:
    explicit EnrolleeClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    static constexpr int kDefaultTimeoutMs = 30000;
    // Inactivity limit: a request with no progress for this long is abandoned as a timeout.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    // Overall limit per attempt, from sending to the last byte of the answer, so a server that keeps the
    // inactivity timer happy with a byte now and then cannot hold an action open. 0 (the default) means
    // twice the inactivity timeout.
    void setDeadlineMs(int ms) { m_deadlineMs = ms; }
    int deadlineMs() const { return m_deadlineMs > 0 ? m_deadlineMs : 2 * m_timeoutMs; }

    // Returns the call; connect to finished(). Never returns null: a refused call finishes on the next
    // event-loop turn with Outcome::NotSent.
    ClientCall *post(const QUrl &url, const QByteArray &json);

    QNetworkAccessManager *network() const { return m_network; }
    // The clock requests are signed with; clock skew is the server's Date header minus this clock.
    void setClock(const Clock *clock) { m_clock = clock; }

private:
    // The manager with a free connection for the next call: the injected one first.
    QNetworkAccessManager *managerForNext();

    QNetworkAccessManager *m_network;
    QList<QNetworkAccessManager *> m_overflow;   // owned (children of this client)
    QHash<QNetworkAccessManager *, int> m_calls; // calls in flight per manager
    const Clock *m_clock = nullptr;
    int m_timeoutMs = kDefaultTimeoutMs;
    int m_deadlineMs = 0;
};
