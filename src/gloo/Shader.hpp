#pragma once
// Shader sources to GL shader objects, and compile errors people can read (Shader.cpp).

#include "ContextState.hpp"

#include <string>
#include <string_view>

namespace glumpp::gloo::detail {

/// glCreateShader + glShaderSource + glCompileShader. On failure deletes the shader and
/// throws ShaderError with the driver's log and the source lines it points at; `origin`
/// (a file name, or empty) says where the source came from.
GLuint compile_shader(GLenum stage, std::string_view source, std::string_view origin = {});

/// The info log of a shader (glGetShaderInfoLog) or a program (glGetProgramInfoLog).
std::string shader_log(GLuint shader);
std::string program_log(GLuint program);

/// The source lines a driver's log points at, quoted with their numbers (see Shader.cpp).
std::string quote_lines(const std::string& log, std::string_view source);

} // namespace glumpp::gloo::detail
