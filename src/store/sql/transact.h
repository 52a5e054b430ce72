// Running a body in one transaction of an Engine, shared by the SQL store's parts: the body gets
// the connection; nothing is kept unless it succeeds and the commit is written.
#pragma once

#include <utility>

#include "store/sql/engine.h"

namespace bdp::sql {

template <class Body>
auto in_transaction(Engine& engine, Access access, Body&& body)
    -> decltype(body(std::declval<Connection&>())) {
  auto transaction = engine.begin(access);
  if (!transaction) return std::unexpected(transaction.error());
  auto result = body((*transaction)->connection());
  if (!result) return result;
  if (auto committed = (*transaction)->commit(); !committed) {
    return std::unexpected(committed.error());
  }
  return result;
}

}  // namespace bdp::sql
