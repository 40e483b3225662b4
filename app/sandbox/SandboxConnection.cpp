#include "SandboxConnection.h"

#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

SandboxConnection::SandboxConnection(QTcpSocket *socket) : QObject(socket), m_socket(socket)
{
}

SandboxConnection *SandboxConnection::of(QTcpSocket *socket)
{
    if (auto *existing = socket->findChild<SandboxConnection *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new SandboxConnection(socket);
}

void SandboxConnection::deliver(quint64 slot, const Delivery &delivery)
{
    m_ready.insert(slot, delivery);
    flush();
}

void SandboxConnection::flush()
{
    // A dripping answer holds the connection: later answers wait their turn behind it.
    while (!m_busy && m_socket && m_ready.contains(m_nextToWrite)) {
        if (!write(m_ready.take(m_nextToWrite++)))
            return;
    }
}

bool SandboxConnection::write(const Delivery &delivery)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    if (delivery.kind == Delivery::Kind::Reset) {
        reset();
        return false;
    }
    if (delivery.dripIntervalMs > 0 && !delivery.answer.body.isEmpty()) {
        m_socket->write(delivery.answer.head(delivery.date));
        m_dripping = delivery;
        m_dripRest = delivery.answer.body;
        m_busy = true;
        QTimer::singleShot(delivery.dripIntervalMs, this, &SandboxConnection::dripNext);
        return false;
    }
    m_socket->write(delivery.answer.serialize(delivery.date));
    if (delivery.closeAfter || delivery.answer.closeAfter) {
        finishWrite(delivery);
        return false;
    }
    return true;
}

void SandboxConnection::dripNext()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up: nothing more to say
    m_socket->write(m_dripRest.left(1));
    m_dripRest.remove(0, 1);
    if (!m_dripRest.isEmpty()) {
        QTimer::singleShot(m_dripping.dripIntervalMs, this, &SandboxConnection::dripNext);
        return;
    }
    m_busy = false;
    if (m_dripping.closeAfter || m_dripping.answer.closeAfter)
        return finishWrite(m_dripping);
    flush();
}

void SandboxConnection::finishWrite(const Delivery &)
{
    // disconnectFromHost() waits for the written bytes to leave before the FIN.
    m_socket->disconnectFromHost();
    m_ready.clear();
}

void SandboxConnection::reset()
{
#ifdef Q_OS_UNIX
    // Linger with a zero timeout makes close() send RST instead of FIN: the client sees "connection reset",
    // as behind a crashing load balancer, not an orderly close.
    const struct linger abortive {
        1, 0
    };
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
#endif
    m_socket->abort();
    m_ready.clear();
}
