// What the review page's forms share (review_routes.cpp): the page itself, shown again with a
// refused form's message, and the admission of a form (role, practice id, session token).
#pragma once

#include <cstdint>
#include <string>

#include "http/form.h"
#include "web/assessment_form.h"
#include "web/desk.h"
#include "web/route.h"
#include "web/site.h"

namespace bdp::web {

std::string review_path(std::int64_t practice_id);
std::string practice_entity(std::int64_t practice_id);  // "practice:<id>", the audit's entity
// The practice id of a route's {id}; not_found unless a positive decimal number.
Result<std::int64_t> practice_id_of(const Params& params);

// The review page of practice `id` for `desk`, answered with `status` and `error` (translated)
// above the forms; `typed` is a refused assessment to show again, nullptr for none.
http::Response review_page(Site& site, const Visit& visit, const DeskVisit& desk, std::int64_t id,
                           int status, const std::string& error,
                           const AssessmentInput* typed = nullptr);

// A refused form: the review page again with `status` and the message of `message_key` (i18n).
http::Response refused(Site& site, const Visit& visit, const DeskVisit& desk, std::int64_t id,
                       int status, const char* message_key, const AssessmentInput* typed = nullptr);

// What a review form's handler gets: the account (its role may do the route's action), the
// practice's id and the posted fields, once the form's token is the session's.
struct ReviewForm {
  DeskVisit desk;
  std::int64_t id = 0;
  http::FormFields fields;
};
using FormHandler = http::Response (*)(Site&, const Visit&, const ReviewForm&);
Route form_route(Site& site, workflow::Action action, FormHandler handler);

}  // namespace bdp::web
