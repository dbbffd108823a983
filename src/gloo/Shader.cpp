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
// NVIDIA "0(12) :". Each is quoted from the source with its number.
std::string quote_lines(const std::string& log, std::string_view source) {
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i + 2 < log.size(); ++i) {
        if (log[i] != '0' || (i > 0 && std::isdigit(static_cast<unsigned char>(log[i - 1])))) continue;
        if (log[i + 1] != ':' && log[i + 1] != '(') continue;
        std::size_t j = i + 2, n = 0;
        while (j < log.size() && std::isdigit(static_cast<unsigned char>(log[j]))) n = n * 10 + static_cast<std::size_t>(log[j++] - '0');
        if (j == i + 2 || j >= log.size()) continue;
        if ((log[i + 1] == ':' && (log[j] == '(' || log[j] == ':')) || (log[i + 1] == '(' && log[j] == ')')) {
            if (n > 0 && std::find(lines.begin(), lines.end(), n) == lines.end()) lines.push_back(n);
        }
    }
    std::vector<std::string_view> text;
    for (std::size_t start = 0; start <= source.size();) {
        const std::size_t end = source.find('\n', start);
        text.push_back(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    std::string out;
    for (std::size_t n : lines) {
        if (n <= text.size()) out += "  " + std::to_string(n) + " | " + std::string(text[n - 1]) + "\n";
    }
    return out;
}

GLuint compile_shader(GLenum stage, std::string_view source) {
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
        throw ShaderError("Program: the " + stage_name(stage) + " shader does not compile:\n" + log +
                          (quoted.empty() ? "" : "offending lines:\n" + quoted));
    }
    return shader;
}

} // namespace glumpp::gloo::detail
