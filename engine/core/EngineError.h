// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace bi {

// Every failure the engine reports to a caller: bad input, invalid paths,
// runaway listeners. The message names the place (file position, path, stage).
class EngineError : public std::runtime_error {
public:
    explicit EngineError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace bi
