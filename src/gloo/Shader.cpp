#include "Shader.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace glumpp::gloo::detail {

namespace {

std::string stage_name(GLenum stage) {
    switch (stage) {
    case GL_VERTEX_SHADER: return "vertex";
    case GL_FRAGMENT_SHADER: return "fragment";
    case GL_GEOMETRY_SHADER: return "geometry";
    }
    return "?";
}

// The info log of a shader or a program (the two differ only in their getters).
template <class Get, class Log>
std::string info_log(GLuint object, Get get, Log log_of) {
    GLint size = 0;
    get(object, GL_INFO_LOG_LENGTH, &size);
    std::string log(static_cast<std::size_t>(std::max(size, 1)), '\0');
    log_of(object, size, nullptr, log.data());
    log.resize(std::strlen(log.c_str()));
    return log;
}

} // namespace

std::string shader_log(GLuint shader) { return info_log(shader, glGetShaderiv, glGetShaderInfoLog); }
std::string program_log(GLuint program) { return info_log(program, glGetProgramiv, glGetProgramInfoLog); }

// Line numbers a driver's log points at: Mesa "0:12(5):", AMD/Intel "ERROR: 0:12:",
// NVIDIA "0(12) :". A syntax error is reported at the token after the mistake, so a
// missing ';' at the end of line 4 is "0:5(1): error: syntax error, unexpected ..." and
// the cause is on the line before. Each reported line is quoted marked with '>', after
// the nearest non-blank line before it:
//       4 |     gl_Position = vec4(a_position, 0.0, 1.0)
//     > 5 | }
std::string quote_lines(const std::string& log, std::string_view source) {
    std::vector<std::size_t> reported;
    for (std::size_t i = 0; i + 2 < log.size(); ++i) {
        if (log[i] != '0' || (i > 0 && std::isdigit(static_cast<unsigned char>(log[i - 1])))) continue;
        if (log[i + 1] != ':' && log[i + 1] != '(') continue;
        std::size_t j = i + 2, n = 0;
        while (j < log.size() && std::isdigit(static_cast<unsigned char>(log[j]))) n = n * 10 + static_cast<std::size_t>(log[j++] - '0');
        if (j == i + 2 || j >= log.size()) continue;
        if ((log[i + 1] == ':' && (log[j] == '(' || log[j] == ':')) || (log[i + 1] == '(' && log[j] == ')')) {
            if (n > 0) reported.push_back(n);
        }
    }
    std::vector<std::string_view> text;
    for (std::size_t start = 0; start <= source.size();) {
        const std::size_t end = source.find('\n', start);
        text.push_back(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    auto blank = [&text](std::size_t n) {
        return text[n - 1].find_first_not_of(" \t\r") == std::string_view::npos;
    };
    std::vector<std::size_t> quoted; // line numbers, with context lines
    for (std::size_t n : reported) {
        if (n > text.size()) continue;
        std::size_t before = n - 1;
        while (before > 0 && blank(before)) --before;
        if (before > 0) quoted.push_back(before);
        quoted.push_back(n);
    }
    std::sort(quoted.begin(), quoted.end());
    quoted.erase(std::unique(quoted.begin(), quoted.end()), quoted.end());
    const std::size_t width = quoted.empty() ? 0 : std::to_string(quoted.back()).size();
    std::string out;
    for (std::size_t n : quoted) {
        const bool is_reported = std::find(reported.begin(), reported.end(), n) != reported.end();
        std::string number = std::to_string(n);
        number.insert(0, width - number.size(), ' ');
        out += std::string(is_reported ? "  > " : "    ") + number + " | " + std::string(text[n - 1]) + "\n";
    }
    return out;
}

GLuint compile_shader(GLenum stage, std::string_view source, std::string_view origin) {
    const GLuint shader = glCreateShader(stage);
    const char* text = source.data();
    const auto length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = shader_log(shader);
        glDeleteShader(shader);
        std::string quoted = quote_lines(log, source);
        throw ShaderError("Program: the " + stage_name(stage) + " shader" +
                          (origin.empty() ? "" : " (" + std::string(origin) + ")") + " does not compile:\n" + log +
                          (quoted.empty() ? "" : "offending lines (> as reported; a syntax error shows at the next token):\n" + quoted));
    }
    return shader;
}

} // namespace glumpp::gloo::detail
