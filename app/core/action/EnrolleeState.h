#pragma once

#include "action/Action.h"

// What Smile ID holds about one enrollee, as far as the six actions can change it. The sandbox keeps
// one per demo user; the console replays its history into one. Both must agree on what an action does.
struct EnrolleeState {
    bool active = true;
    bool fraudulent = false;
    bool reEnrollAllowed = false;
    bool deleted = false;

    void apply(ActionKind action)
    {
        switch (action) {
        case ActionKind::ReEnroll:
            reEnrollAllowed = true;
            break;
        case ActionKind::Deactivate:
            active = false;
            break;
        case ActionKind::Reactivate:
            active = true;
            break;
        case ActionKind::FlagFraud:
            fraudulent = true;
            break;
        case ActionKind::UnflagFraud:
            fraudulent = false;
            break;
        case ActionKind::Delete:
            deleted = true;
            break;
        }
    }
};
