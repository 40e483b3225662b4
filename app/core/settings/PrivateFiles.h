#pragma once

#include "base/Status.h"

#include <QString>

// Files that hold user IDs, operator emails and reasons are this user's alone: folders 0700, files
// 0600. And when a write fails, the person is told which failure it was (a full disk is not a
// read-only one, and neither is another program's lock), because what to do next differs.
namespace PrivateFiles {
// Creates `path` (and its missing parents) as 0700, or tightens an existing looser folder. `tightened` is set
// when an existing folder was readable by others.
Status ensureFolder(const QString &path, bool *tightened = nullptr);
// Sets 0600 on an existing file; true when it was looser before.
bool tightenFile(const QString &path);
// Why writing into `folder` fails, found by trying: disk full, read-only, permission denied, or the
// error text. `what` names the file for the message.
Status writeFailure(const QString &folder, const QString &what);
// The same for a write that already failed with `error` (an errno): no need to try again.
Status writeError(int error, const QString &what);
} // namespace PrivateFiles
