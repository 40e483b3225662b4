#pragma once

#include <QString>

#include <optional>
#include <utility>

// The core's one way of saying whether something worked: a value that is ok(), or that carries a
// translated message for a person and a kind for code that must tell failures apart (a lock timeout is
// not a full disk). Every fallible function in app/core returns a Status or a Result<T>; none reports
// through an empty string, a zero id or a QString out-parameter.
class Status
{
public:
    enum class Kind {
        Ok,
        Invalid,      // the input is wrong; nothing was recorded or sent
        NotConfirmed, // the policy needs a confirmation the face has not given
        Locked,       // another program holds the history lock past the deadline
        DiskFull,
        ReadOnly,
        PermissionDenied,
        KeyUnavailable, // the history's chain key cannot be reached
        Storage,        // any other file, settings or database failure
        Network,
        Error,   // anything else
        GaveWay, // a long read stopped for requests asked after it; asked again later, never shown
    };

    Status() = default;
    static Status success() { return {}; }
    static Status failure(QString message, Kind kind = Kind::Error)
    {
        return Status(kind == Kind::Ok ? Kind::Error : kind, std::move(message));
    }

    bool ok() const { return m_kind == Kind::Ok; }
    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

private:
    Status(Kind kind, QString message) : m_kind(kind), m_message(std::move(message)) {}

    Kind m_kind = Kind::Ok;
    QString m_message;
};

// A value, or the Status that explains why there is none.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {} // NOLINT(google-explicit-constructor): reads as `return value;`
    Result(Status failure) : m_status(std::move(failure)) // NOLINT(google-explicit-constructor)
    {
        if (m_status.ok())
            m_status = Status::failure(QString());
    }

    bool ok() const { return m_value.has_value(); }
    const Status &status() const { return m_status; }
    const QString &message() const { return m_status.message(); }
    Status::Kind kind() const { return m_status.kind(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }

private:
    std::optional<T> m_value;
    Status m_status;
};
