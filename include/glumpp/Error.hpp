#pragma once
// glumpp's exceptions.
//
// Every error glumpp raises is one of these types, and its message starts with the
// function that refused ("Array::view: ...") followed by the bad values, so a log line
// alone says what went wrong and where. The types follow NumPy's vocabulary so that
// people coming from glumpy recognise them. A throwing call leaves its arguments and
// the arrays it was given unchanged ("bad input loses nothing").

#include <stdexcept>
#include <string>

namespace glumpp {

/// Base of every glumpp exception.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An index outside its axis, or more indices than axes.
class IndexError : public Error {
public:
    using Error::Error;
};

/// Shapes that cannot be broadcast, reshaped or matched.
class ShapeError : public Error {
public:
    using Error::Error;
};

/// A dtype that does not fit: no conversion exists, or a typed view's C++ type differs.
class TypeError : public Error {
public:
    using Error::Error;
};

/// A field name that the record dtype does not have.
class KeyError : public Error {
public:
    using Error::Error;
};

/// An argument whose value is wrong although its type is right (a zero slice step...).
class ValueError : public Error {
public:
    using Error::Error;
};

/// Text that does not parse: a dtype string, a `.npy` header, SVG, GLSL sources.
class ParseError : public Error {
public:
    using Error::Error;
};

/// A write through an array whose storage is read-only (a read-only memory map).
class ReadOnlyError : public Error {
public:
    using Error::Error;
};

/// The operating system refused a file operation.
class IoError : public Error {
public:
    using Error::Error;
};

/// No GL context: none current, none creatable (no EGL, no display), or a GL object
/// used in a context other than its own.
class ContextError : public Error {
public:
    using Error::Error;
};

/// A shader that does not compile or a program that does not link; the message quotes
/// the offending source lines with their numbers.
class ShaderError : public Error {
public:
    using Error::Error;
};

/// The GL reported an error (glGetError / KHR_debug) where glumpp checks for one.
class GLError : public Error {
public:
    using Error::Error;
};

} // namespace glumpp
