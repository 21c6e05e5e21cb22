// gl_web.cpp: the page's WebGL 2 renderer for Dear ImGui's draw data (imgui_web.cpp draws the frames).
#include <GLES3/gl3.h>
#include <emscripten.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "imgui.h"
#include "platform/web_page.h"

// Dear ImGui's OpenGL backend saves and restores the GL state around each frame: some 25 glGet calls,
// each one a round trip to the browser's GPU process that waits for the last frame's drawing, over a
// millisecond a frame in Chromium, and more the more was drawn. The page owns its context, so this
// renderer sets what it needs and reads nothing back.
namespace {

struct Gl {
  GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font = 0, fbo = 0;
  GLint proj = -1, tex = -1;
  float proj_set[16] = {};  // the projection last given to the program (a picture's changes it)
};
Gl g_gl;

// Textures drawn by platform::draw_to_picture. Their colours are premultiplied by their alpha (the
// shapes were blended onto a transparent texture), so they are drawn with blending that adds them as
// they are: the result is what drawing the shapes onto the frame would give.
struct Picture {
  GLuint tex = 0;
  int w = 0, h = 0;
};
std::vector<Picture> g_pictures;
bool g_pictures_off = false;  // the tests' switch: shapes drawn into the frame, to compare with a picture

bool is_picture(GLuint tex) {
  for (const Picture& p : g_pictures)
    if (p.tex == tex) return true;
  return false;
}

void set_projection(float l, float r, float t, float b) {
  const float proj[16] = {2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  if (std::memcmp(proj, g_gl.proj_set, sizeof proj) == 0) return;
  std::memcpy(g_gl.proj_set, proj, sizeof proj);
  glUniformMatrix4fv(g_gl.proj, 1, GL_FALSE, proj);
}

GLuint gl_shader(GLenum kind, const char* src) {
  const GLuint s = glCreateShader(kind);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  return s;
}

}  // namespace

namespace web {

void gl_init() {
  const char* vs =
      "#version 300 es\nprecision highp float;\n"
      "layout(location = 0) in vec2 pos; layout(location = 1) in vec2 uv; layout(location = 2) in vec4 col;\n"
      "uniform mat4 proj; out vec2 f_uv; out vec4 f_col;\n"
      "void main() { f_uv = uv; f_col = col; gl_Position = proj * vec4(pos, 0.0, 1.0); }\n";
  const char* fs =
      "#version 300 es\nprecision mediump float;\n"
      "uniform sampler2D tex; in vec2 f_uv; in vec4 f_col; layout(location = 0) out vec4 out_col;\n"
      "void main() { out_col = f_col * texture(tex, f_uv); }\n";
  Gl& g = g_gl;
  g.program = glCreateProgram();
  const GLuint v = gl_shader(GL_VERTEX_SHADER, vs), f = gl_shader(GL_FRAGMENT_SHADER, fs);
  glAttachShader(g.program, v);
  glAttachShader(g.program, f);
  glLinkProgram(g.program);
  glDeleteShader(v);
  glDeleteShader(f);
  g.proj = glGetUniformLocation(g.program, "proj");
  g.tex = glGetUniformLocation(g.program, "tex");
  glGenVertexArrays(1, &g.vao);
  glGenBuffers(1, &g.vbo);
  glGenBuffers(1, &g.ibo);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);  // part of the vertex array's state
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  // The page owns its context: what every frame needs is set once and stays.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glUseProgram(g.program);
  glUniform1i(g.tex, 0);
  glActiveTexture(GL_TEXTURE0);
}

// The font atlas as a texture (again when the pixel ratio changes).
void gl_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  if (g_gl.font) glDeleteTextures(1, &g_gl.font);
  glGenTextures(1, &g_gl.font);
  glBindTexture(GL_TEXTURE_2D, g_gl.font);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_gl.font)));
  // The atlas copied each font's bytes to build from (a fallback's are megabytes) and keeps its
  // pixels: both are on the GPU now. A rebuild adds the fonts again from the page's own bytes.
  io.Fonts->ClearInputData();
  io.Fonts->ClearTexData();
}

// One upload of every window's vertices and indices a frame (indices moved by where each window's
// vertices begin), and a texture bound or a scissor set only when it changes: WebGL calls cross into
// JavaScript and the GPU process, and their number, not the vertices, was most of the renderer's time.
// The state that never changes (blending, the program, the vertex array) is set once in gl_init.
void gl_draw(const ImDrawData* d) {
  const int fb_w = static_cast<int>(std::round(d->DisplaySize.x * d->FramebufferScale.x));  // as glViewport's
  const int fb_h = static_cast<int>(std::round(d->DisplaySize.y * d->FramebufferScale.y));
  if (fb_w <= 0 || fb_h <= 0) return;
  static_assert(sizeof(ImDrawIdx) == 4, "indices are 32-bit (imconfig: ImDrawIdx unsigned int)");
  static ImVector<ImDrawVert> vtx;
  static ImVector<ImDrawIdx> idx;
  vtx.resize(0);
  idx.resize(0);
  vtx.reserve(d->TotalVtxCount);
  idx.reserve(d->TotalIdxCount);
  for (const ImDrawList* list : d->CmdLists) {
    const ImDrawIdx base = static_cast<ImDrawIdx>(vtx.Size);
    const int at = idx.Size;
    vtx.resize(vtx.Size + list->VtxBuffer.Size);
    std::memcpy(vtx.Data + base, list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    idx.resize(idx.Size + list->IdxBuffer.Size);
    for (int i = 0; i < list->IdxBuffer.Size; ++i) idx[at + i] = list->IdxBuffer[i] + base;
  }
  set_projection(d->DisplayPos.x, d->DisplayPos.x + d->DisplaySize.x, d->DisplayPos.y, d->DisplayPos.y + d->DisplaySize.y);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vtx.Size) * sizeof(ImDrawVert), vtx.Data, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.Size) * sizeof(ImDrawIdx), idx.Data, GL_STREAM_DRAW);
  glEnable(GL_SCISSOR_TEST);
  const ImVec2 off = d->DisplayPos, scale = d->FramebufferScale;
  GLuint bound = 0;
  bool premultiplied = false;  // the blending of a picture is set
  int scissor[4] = {-1, -1, -1, -1};
  size_t first = 0;  // where the current window's indices begin in the joined buffer
  for (const ImDrawList* list : d->CmdLists) {
    for (const ImDrawCmd& c : list->CmdBuffer) {
      if (c.UserCallback) {  // none of the page's own; Dear ImGui's reset asks for what is set already
        if (c.UserCallback != ImDrawCallback_ResetRenderState) c.UserCallback(list, &c);
        continue;
      }
      const ImVec2 lo((c.ClipRect.x - off.x) * scale.x, (c.ClipRect.y - off.y) * scale.y);
      const ImVec2 hi((c.ClipRect.z - off.x) * scale.x, (c.ClipRect.w - off.y) * scale.y);
      if (hi.x <= lo.x || hi.y <= lo.y) continue;
      const int s[4] = {static_cast<int>(lo.x), static_cast<int>(fb_h - hi.y), static_cast<int>(hi.x - lo.x),
                        static_cast<int>(hi.y - lo.y)};
      if (std::memcmp(s, scissor, sizeof s) != 0) {
        std::memcpy(scissor, s, sizeof s);
        glScissor(s[0], s[1], s[2], s[3]);
      }
      const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(c.GetTexID()));
      if (tex != bound) {
        glBindTexture(GL_TEXTURE_2D, bound = tex);
        if (is_picture(tex) != premultiplied) {
          premultiplied = !premultiplied;
          glBlendFuncSeparate(premultiplied ? GL_ONE : GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        }
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(c.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>((first + c.IdxOffset) * sizeof(ImDrawIdx)));
    }
    first += static_cast<size_t>(list->IdxBuffer.Size);
  }
  glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
  if (premultiplied) glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace web

// Drawn while the frame is being laid out (before it is rendered): into a framebuffer of its own, with
// the same program, a texture pixel to a pixel of the canvas. The frame's rendering sets again what
// this changes (the viewport, the bound buffers' contents; the projection is marked changed).
void* platform::draw_to_picture(const ImDrawList& shapes, float x, float y, float w, float h, void* into) {
  const float scale = ImGui::GetIO().DisplayFramebufferScale.x;
  const int pw = static_cast<int>(std::lround(w * scale)), ph = static_cast<int>(std::lround(h * scale));
  static GLint most = 0;
  if (!most) glGetIntegerv(GL_MAX_TEXTURE_SIZE, &most);
  const GLuint want = static_cast<GLuint>(reinterpret_cast<intptr_t>(into));
  if (pw <= 0 || ph <= 0 || pw > most || ph > most || !g_gl.program || g_pictures_off) {
    for (size_t i = 0; i < g_pictures.size(); ++i)  // the picture given up is not kept
      if (g_pictures[i].tex == want) {
        glDeleteTextures(1, &want);
        g_pictures.erase(g_pictures.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    return nullptr;
  }
  Picture* p = nullptr;
  for (Picture& q : g_pictures)
    if (q.tex == want) p = &q;
  if (!p) {
    p = &g_pictures.emplace_back();
    glGenTextures(1, &p->tex);
    glBindTexture(GL_TEXTURE_2D, p->tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  if (!g_gl.fbo) glGenFramebuffers(1, &g_gl.fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, g_gl.fbo);
  if (p->w != pw || p->h != ph) {
    glBindTexture(GL_TEXTURE_2D, p->tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, pw, ph, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, p->tex, 0);
    p->w = pw, p->h = ph;
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {  // asked only when sized
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      glDeleteTextures(1, &p->tex);
      g_pictures.erase(g_pictures.begin() + (p - g_pictures.data()));
      return nullptr;
    }
  } else {
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, p->tex, 0);
  }
  glViewport(0, 0, pw, ph);
  glDisable(GL_SCISSOR_TEST);  // the texture's edges clip the shapes
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  // The top of the rectangle at the texture's first row (v = 0), so it is shown with the usual uv.
  set_projection(x, x + w, y + h, y);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(shapes.VtxBuffer.Size) * sizeof(ImDrawVert), shapes.VtxBuffer.Data, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(shapes.IdxBuffer.Size) * sizeof(ImDrawIdx), shapes.IdxBuffer.Data, GL_STREAM_DRAW);
  for (const ImDrawCmd& c : shapes.CmdBuffer) {
    if (c.UserCallback || c.ElemCount == 0) continue;
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(c.GetTexID())));
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(c.ElemCount), GL_UNSIGNED_INT, reinterpret_cast<void*>(c.IdxOffset * sizeof(ImDrawIdx)));
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return reinterpret_cast<void*>(static_cast<intptr_t>(p->tex));
}

extern "C" EMSCRIPTEN_KEEPALIVE void cv_test_pictures(int on) { g_pictures_off = !on; }
