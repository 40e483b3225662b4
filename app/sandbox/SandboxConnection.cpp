#include "SandboxConnection.h"

#include <QTcpSocket>

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
    while (m_socket && m_ready.contains(m_nextToWrite)) {
        const Delivery delivery = m_ready.take(m_nextToWrite++);
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (delivery.kind == Delivery::Kind::Reset) {
            reset();
            return;
        }
        m_socket->write(delivery.answer.serialize(delivery.date));
        if (delivery.closeAfter || delivery.answer.closeAfter) {
            // disconnectFromHost() waits for the written bytes to leave before the FIN.
            m_socket->disconnectFromHost();
            m_ready.clear();
            return;
        }
    }
}

void SandboxConnection::reset()
{
#ifdef Q_OS_UNIX
    // Linger with a zero timeout makes close() send RST instead of FIN: the client sees "connection reset",
    // as behind a crashing load balancer, not an orderly close.
    const struct linger abortive{1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
#endif
    m_socket->abort();
    m_ready.clear();
}
