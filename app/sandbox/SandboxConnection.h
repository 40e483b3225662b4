#pragma once

#include "sandbox/HttpAnswer.h"

#include <QMap>
#include <QObject>
#include <QPointer>

class QTcpSocket;

// What the sandbox does to one connection, in the order the requests arrived. HTTP/1.1 answers on a
// connection must come back in request order even when one of them is delayed (latency) or never comes
// (hang), so each request reserves a slot and answers are written only when every earlier slot has
// been. Lives as a child of its socket: when the socket goes, pending answers and timers go with it.
class SandboxConnection : public QObject
{
    Q_OBJECT
public:
    struct Delivery {
        enum class Kind { Write, Reset };
        Kind kind = Kind::Write;
        HttpAnswer answer;
        QDateTime date;
        bool closeAfter = false; // close (FIN) once the bytes are written
        int dripIntervalMs = 0;  // > 0: the head at once, then the body one byte per interval
    };

    static SandboxConnection *of(QTcpSocket *socket);

    quint64 reserve() { return m_nextSlot++; }
    void deliver(quint64 slot, const Delivery &delivery);

private:
    explicit SandboxConnection(QTcpSocket *socket);
    void flush();
    void reset();
    // Writes one delivery; false when the connection is over (closed or reset) or busy dripping.
    bool write(const Delivery &delivery);
    void dripNext();
    void finishWrite(const Delivery &delivery);

    QPointer<QTcpSocket> m_socket;
    quint64 m_nextSlot = 0;
    quint64 m_nextToWrite = 0;
    QMap<quint64, Delivery> m_ready;
    // The delivery being dripped, and how much of its body is still to go.
    Delivery m_dripping;
    QByteArray m_dripRest;
    bool m_busy = false;
};
