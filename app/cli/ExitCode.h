#pragma once

#include "api/ApiResult.h"

// The exit statuses of enrollee-cli. Scripts branch on them, so they are part of the interface:
// never renumber, only add.
namespace ExitCode {
inline constexpr int kOk = 0;
inline constexpr int kInternal = 1;         // a bug or an unexpected condition
inline constexpr int kUsage = 2;            // bad command line or bad input; nothing was sent
inline constexpr int kRefused = 3;          // the server answered and refused the action
inline constexpr int kNetwork = 4;          // no usable answer: connection, timeout, TLS
inline constexpr int kStorage = 5;          // history, settings or keychain problem (incl. a failed history check)
inline constexpr int kNotConfirmed = 6;     // a confirmation was refused or could not be asked; nothing was sent
inline constexpr int kAwaitingApproval = 7; // recorded as a four-eyes request, awaiting approval; nothing was sent

// Which status a finished request maps to.
inline int forOutcome(ApiResult::Outcome outcome)
{
    switch (outcome) {
    case ApiResult::Outcome::Success:
        return kOk;
    case ApiResult::Outcome::ServerError:
        return kRefused;
    case ApiResult::Outcome::NotSent:
        return kUsage;
    case ApiResult::Outcome::NetworkError:
    case ApiResult::Outcome::Timeout:
    case ApiResult::Outcome::TlsError:
    case ApiResult::Outcome::Cancelled:
        return kNetwork;
    }
    return kInternal;
}
} // namespace ExitCode
