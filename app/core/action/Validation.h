#pragma once

#include "base/Status.h"

#include <QString>
#include <QUrl>

// Input checks shared by every face. Each check returns Status::success() or a Status of kind Invalid
// whose message is translated and user-facing, so faces can show it as it is.
namespace Validation {
inline constexpr int kMaxUserIdLength = 256;
inline constexpr int kMaxReasonLength = 2000;

// A user ID is sent exactly as typed after trimming; inner spaces are allowed, control characters not.
QString normalizedUserId(const QString &input);
Status checkUserId(const QString &input);
Status checkPartnerId(const QString &partnerId);
Status checkEmail(const QString &email);
Status checkReason(const QString &reason);
// An origin such as https://host[:port]: http(s) only, no path/query/fragment/credentials,
// and plain HTTP only to loopback.
Status checkBaseUrl(const QString &text);
// Parses a validated origin; an invalid one yields an empty QUrl.
QUrl parseBaseUrl(const QString &text);
bool isLoopbackHost(const QString &host);
} // namespace Validation
