#pragma once

// What four eyes say of an action or a bulk run before anything is sent. It travels with the
// ActionRequest, so the runner refuses what the verdict holds back without an approved request.
enum class FourEyesVerdict {
    Unasked,            // nobody asked: the runner applies its default policy
    Free,               // send
    NeedsSecondOfficer, // record a request instead: nothing is sent until another officer approves it
    Held,               // the policy cannot be known now and may name this: nothing is sent (fail closed)
};
