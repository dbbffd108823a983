#include <glumpp/svg/PathData.hpp>

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace glumpp::svg {

namespace {

/// How many numbers one repetition of a command reads (0 for Z, -1 for not a command).
int argument_count(char command) {
    switch (command) {
    case 'M': case 'm': case 'L': case 'l': case 'T': case 't': return 2;
    case 'H': case 'h': case 'V': case 'v': return 1;
    case 'C': case 'c': return 6;
    case 'S': case 's': case 'Q': case 'q': return 4;
    case 'A': case 'a': return 7;
    case 'Z': case 'z': return 0;
    default: return -1;
    }
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Thrown inside the parser only; turned into ParseError or into parse_prefix's message.
struct Failure {
    std::string message;
};

class Parser {
public:
    Parser(std::string_view text, std::size_t max_commands) : text_(text), max_commands_(max_commands) {}

    /// Appends to `out` command by command, so that what is there when a Failure
    /// escapes is exactly the valid prefix.
    void run(std::vector<PathCommand>& out) {
        out_ = &out;
        // Every command letter is a command (repeats and the moveto after a 'z' add
        // more): reserving that many saves the vector's doublings, which at a million
        // commands (88 MB) held half as much again, and the copies between them.
        std::size_t letters = 0;
        for (const char c : text_) letters += is_letter(c) && c != 'e' && c != 'E';
        out.reserve(out.size() + std::min(letters, max_commands_));
        detail::skip_wsp(text_, pos_);
        if (pos_ >= text_.size()) return;
        if (text_[pos_] != 'M' && text_[pos_] != 'm') fail("path data must begin with a moveto ('M' or 'm')");
        char command = 0;
        while (true) {
            detail::skip_wsp(text_, pos_);
            if (pos_ >= text_.size()) return;
            const char c = text_[pos_];
            if (is_letter(c)) {
                if (argument_count(c) < 0) fail(std::string("unknown command '") + c + "'");
                command = c;
                ++pos_;
            } else {
                // Numbers here can only continue the previous command's arguments, and
                // do when it takes any; after Z (no arguments) a number is an error.
                fail("expected a command");
            }
            if (argument_count(command) == 0) {
                command_at_ = pos_ - 1;
                push(PathCommand::close(start_));
                current_ = start_;
                after_close_ = true;
                previous_ = 'Z';
                continue;
            }
            detail::skip_wsp(text_, pos_);
            bool first_group = true;
            while (true) {
                if (!first_group) {
                    const bool comma = detail::skip_comma_wsp(text_, pos_);
                    if (pos_ >= text_.size() || !detail::starts_number(text_[pos_])) {
                        if (comma) fail("expected a number");
                        break;
                    }
                }
                read_group(command, first_group);
                first_group = false;
            }
        }
    }

private:
    [[noreturn]] void fail(const std::string& why) const { fail_at(why, pos_); }
    [[noreturn]] void fail_at(const std::string& why, std::size_t at) const {
        throw Failure{"PathData::parse: " + why + " " + detail::where(text_, at)};
    }

    double number() {
        const auto scan = detail::scan_number(text_, pos_);
        if (scan.status == detail::NumberScan::Status::OutOfRange) fail("number out of range");
        if (scan.status != detail::NumberScan::Status::Ok) fail("expected a number");
        pos_ = scan.end;
        return scan.value;
    }

    bool flag() {
        if (pos_ < text_.size() && (text_[pos_] == '0' || text_[pos_] == '1')) return text_[pos_++] == '1';
        fail("expected an arc flag (0 or 1)");
    }

    // Reads one repetition's arguments into `args`, separated by comma-wsp.
    template <std::size_t N>
    void arguments(std::array<double, N>& args, std::size_t count, bool arc) {
        for (std::size_t i = 0; i < count; ++i) {
            if (i > 0) detail::skip_comma_wsp(text_, pos_);
            if (arc && (i == 3 || i == 4))
                args[i] = flag() ? 1.0 : 0.0;
            else
                args[i] = number();
        }
    }

    glm::dvec2 point(double x, double y, bool relative, std::size_t at) const {
        const glm::dvec2 p = relative ? current_ + glm::dvec2(x, y) : glm::dvec2(x, y);
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) fail_at("relative coordinate overflows", at);
        return p;
    }

    void emit(const PathCommand& command) {
        // A drawing command right after Z starts a new sub-path at the old start.
        if (after_close_ && command.kind != PathCommand::Kind::MoveTo) push(PathCommand::move_to(current_));
        after_close_ = false;
        push(command);
        current_ = command.to;
    }

    void read_group(char command, bool first_group) {
        const std::size_t at = pos_;
        command_at_ = at;
        const bool relative = command >= 'a' && command <= 'z';
        const char upper = relative ? static_cast<char>(command - 'a' + 'A') : command;
        std::array<double, 7> a{};
        arguments(a, static_cast<std::size_t>(argument_count(command)), upper == 'A');
        switch (upper) {
        case 'M':
            if (first_group) {
                emit(PathCommand::move_to(point(a[0], a[1], relative, at)));
                start_ = current_;
                previous_ = 'M';
            } else {
                emit(PathCommand::line_to(point(a[0], a[1], relative, at)));
                previous_ = 'L';
            }
            return;
        case 'L':
            emit(PathCommand::line_to(point(a[0], a[1], relative, at)));
            break;
        case 'H':
            emit(PathCommand::line_to(point(a[0], relative ? 0.0 : current_.y, relative, at)));
            break;
        case 'V':
            emit(PathCommand::line_to(point(relative ? 0.0 : current_.x, a[0], relative, at)));
            break;
        case 'C': {
            const glm::dvec2 c1 = point(a[0], a[1], relative, at), c2 = point(a[2], a[3], relative, at);
            emit(PathCommand::cubic_to(c1, c2, point(a[4], a[5], relative, at)));
            control_ = c2;
            break;
        }
        case 'S': {
            const glm::dvec2 c1 = reflected('C');
            const glm::dvec2 c2 = point(a[0], a[1], relative, at);
            emit(PathCommand::cubic_to(c1, c2, point(a[2], a[3], relative, at)));
            control_ = c2;
            break;
        }
        case 'Q': {
            const glm::dvec2 c = point(a[0], a[1], relative, at);
            emit(PathCommand::quad_to(c, point(a[2], a[3], relative, at)));
            control_ = c;
            break;
        }
        case 'T': {
            const glm::dvec2 c = reflected('Q');
            emit(PathCommand::quad_to(c, point(a[0], a[1], relative, at)));
            control_ = c;
            break;
        }
        case 'A':
            emit(PathCommand::arc_to({std::abs(a[0]), std::abs(a[1])}, a[2], a[3] != 0.0, a[4] != 0.0,
                                     point(a[5], a[6], relative, at)));
            break;
        default:
            break;
        }
        // S/T reflect the previous control point only when the previous command was of
        // their own family (C or S for S, Q or T for T).
        previous_ = upper == 'S' ? 'C' : upper == 'T' ? 'Q' : upper;
    }

    glm::dvec2 reflected(char family) const {
        if (previous_ != family) return current_;
        const glm::dvec2 r = 2.0 * current_ - control_;
        // Both are finite, yet 2c - p can still overflow: the control point lies where
        // no double reaches, so no curve could be drawn through it either way.
        if (!std::isfinite(r.x) || !std::isfinite(r.y)) fail("reflected control point overflows");
        return r;
    }

    /// Checked before each command is stored, so that a text of millions of commands
    /// costs at most max_commands_ of them in memory before it is refused.
    void push(const PathCommand& command) {
        if (out_->size() >= max_commands_) fail_at("more than " + std::to_string(max_commands_) + " commands", command_at_);
        out_->push_back(command);
    }

    std::string_view text_;
    std::size_t max_commands_;
    std::size_t pos_ = 0;
    std::size_t command_at_ = 0; ///< where the command being read starts, for messages
    std::vector<PathCommand>* out_ = nullptr;
    glm::dvec2 current_{0.0, 0.0}, start_{0.0, 0.0}, control_{0.0, 0.0};
    char previous_ = 0;
    bool after_close_ = false;
};

void append_number(std::string& out, double v) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    out.append(buffer.data(), result.ptr);
}

} // namespace

PathData PathData::parse(std::string_view d, std::size_t max_commands) {
    PathData out;
    try {
        Parser(d, max_commands).run(out.commands);
    } catch (const Failure& failure) {
        throw ParseError(failure.message);
    }
    return out;
}

PathData PathData::parse_prefix(std::string_view d, std::string& error, std::size_t max_commands) {
    PathData out;
    error.clear();
    try {
        Parser(d, max_commands).run(out.commands);
    } catch (const Failure& failure) {
        error = failure.message;
    }
    return out;
}

std::string PathData::to_string() const {
    std::string out;
    const auto pair = [&out](glm::dvec2 p) {
        out += ' ';
        append_number(out, p.x);
        out += ' ';
        append_number(out, p.y);
    };
    for (const PathCommand& c : commands) {
        if (!out.empty()) out += ' ';
        switch (c.kind) {
        case PathCommand::Kind::MoveTo: out += 'M'; pair(c.to); break;
        case PathCommand::Kind::LineTo: out += 'L'; pair(c.to); break;
        case PathCommand::Kind::QuadTo: out += 'Q'; pair(c.c1); pair(c.to); break;
        case PathCommand::Kind::CubicTo: out += 'C'; pair(c.c1); pair(c.c2); pair(c.to); break;
        case PathCommand::Kind::ArcTo:
            out += 'A';
            pair(c.radii);
            out += ' ';
            append_number(out, c.rotation);
            out += c.large_arc ? " 1" : " 0";
            out += c.sweep ? " 1" : " 0";
            pair(c.to);
            break;
        case PathCommand::Kind::Close: out += 'Z'; break;
        }
    }
    return out;
}

} // namespace glumpp::svg
