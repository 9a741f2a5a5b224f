// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentPanel.h"
#include "ChunkListModel.h"
#include "DocumentExtractor.h"
#include "JsonFields.h"
#include "StateTreeModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

using bi::json::Value;
using namespace bi::models;

namespace {
QPlainTextEdit* textPane(QWidget* parent, const QString& placeholder) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setPlaceholderText(placeholder);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

// Chunk offsets count code points; the text widgets count UTF-16 units.
int utf16Position(const QString& text, int codePoints) {
    int units = 0;
    for (int cp = 0; cp < codePoints && units < text.size(); ++cp) {
        units += text[units].isHighSurrogate() ? 2 : 1;
    }
    return std::min<int>(units, static_cast<int>(text.size()));
}

QString tablesText(const Value& result) {
    const Value* tables = arrayField(result, "tables");
    if (tables == nullptr || tables->asArray().empty()) {
        return {};
    }
    QString out;
    for (std::size_t i = 0; i < tables->asArray().size(); ++i) {
        const Value& t = tables->asArray()[i];
        out += QObject::tr("Table %1\n").arg(i + 1);
        out += t.isObject() && t.find("markdown") != nullptr ? stringField(t, "markdown") : plainText(t);
        out += QStringLiteral("\n\n");
    }
    return out;
}
} // namespace

DocumentPanel::DocumentPanel(QWidget* parent)
    : QWidget(parent), source_(textPane(this, tr("Open a document (HTML, Markdown, text) to see its source"))),
      extracted_(textPane(this, tr("Extracted content"))), chunks_(new ChunkListModel(this)),
      metadata_(new StateTreeModel(this)), tables_(textPane(this, tr("No tables"))), chunkView_(new QTreeView(this)),
      info_(new QLabel(this)), progress_(new QProgressBar(this)), cancel_(new QPushButton(tr("Cancel"), this)),
      next_(new QPushButton(tr("Next chunk"), this)), maxChars_(new QSpinBox(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* bar = new QHBoxLayout;
    next_->setToolTip(tr("Pull one chunk from the engine's stream (N)"));
    auto* all = new QPushButton(tr("All chunks"), this);
    auto* reset = new QPushButton(tr("Reset"), this);
    maxChars_->setRange(32, 100000);
    maxChars_->setValue(240);
    maxChars_->setPrefix(tr("max "));
    maxChars_->setSuffix(tr(" chars"));
    bar->addWidget(next_);
    bar->addWidget(all);
    bar->addWidget(reset);
    bar->addWidget(maxChars_);
    bar->addStretch(1);
    progress_->setRange(0, 0);
    progress_->setMaximumWidth(120);
    bar->addWidget(progress_);
    bar->addWidget(cancel_);
    layout->addLayout(bar);
    info_->setWordWrap(true);
    info_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(info_);

    auto* vsplit = new QSplitter(Qt::Vertical, this);
    auto* hsplit = new QSplitter(Qt::Horizontal, vsplit);
    hsplit->addWidget(source_);
    hsplit->addWidget(extracted_);
    auto* tabs = new QTabWidget(vsplit);
    chunkView_->setModel(chunks_);
    chunkView_->setRootIsDecorated(false);
    chunkView_->setAlternatingRowColors(true);
    chunkView_->header()->resizeSection(0, 36);
    chunkView_->header()->resizeSection(1, 80);
    chunkView_->header()->resizeSection(2, 80);
    chunkView_->header()->resizeSection(3, 56);
    chunkView_->header()->resizeSection(4, 200);
    tabs->addTab(chunkView_, tr("Chunks"));
    auto* metaView = new QTreeView(tabs);
    metaView->setModel(metadata_);
    tabs->addTab(metaView, tr("Metadata"));
    tabs->addTab(tables_, tr("Tables"));
    vsplit->addWidget(hsplit);
    vsplit->addWidget(tabs);
    vsplit->setStretchFactor(0, 3);
    vsplit->setStretchFactor(1, 1);
    vsplit->setSizes({300, 140});
    layout->addWidget(vsplit, 1);

    connect(next_, &QPushButton::clicked, this, &DocumentPanel::pullNext);
    connect(all, &QPushButton::clicked, this, &DocumentPanel::pullAll);
    connect(reset, &QPushButton::clicked, this, &DocumentPanel::resetChunks);
    connect(cancel_, &QPushButton::clicked, this, &DocumentPanel::cancel);
    connect(maxChars_, &QSpinBox::editingFinished, this, &DocumentPanel::resetChunks);
    connect(chunkView_, &QTreeView::clicked, this,
            [this](const QModelIndex& i) { highlight(i.data(OutlineModel::KeyRole).toInt()); });
    setBusy(false);
    info_->setText(tr("No document"));
}

DocumentPanel::~DocumentPanel() { ++job_; }

void DocumentPanel::setBusy(bool busy) {
    busy_ = busy;
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
    next_->setEnabled(!busy);
}

void DocumentPanel::setDocument(const QString& name, const QByteArray& bytes, const QString& mime) {
    name_ = name;
    bytes_ = bytes;
    mime_ = mime;
    source_->setPlainText(QString::fromUtf8(bytes));
    extracted_->clear();
    chunks_->clearChunks();
    stream_.reset();
    ++streamJob_; // a chunk-size restart of the previous document is stale now
    current_ = {-1, -1};
    info_->setText(tr("Extracting %1…").arg(name));
    setBusy(true);
    const int job = ++job_;
    DocumentExtractor::Options options;
    options.maxChars = 0; // the whole result: chunks come from the stream, one pull at a time
    options.fileName = name;
    QPointer<DocumentPanel> self(this);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [self, watcher, job] {
        watcher->deleteLater();
        if (self) {
            self->onExtracted(job, watcher->result());
        }
    });
    DocumentExtractor::Options chunking = options;
    chunking.maxChars = maxChars_->value();
    watcher->setFuture(QtConcurrent::run([bytes, mime, options, chunking] {
        Outcome out;
        try {
            out.result = DocumentExtractor::extract(bytes, mime, options);
            out.stream = DocumentExtractor::stream(bytes, mime, chunking);
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void DocumentPanel::cancel() {
    ++job_; // the running job's result will be dropped
    setBusy(false);
    info_->setText(tr("Extraction of %1 cancelled").arg(name_));
}

void DocumentPanel::onExtracted(int job, const Outcome& outcome) {
    if (job != job_) {
        return; // stale: a newer document or a cancel replaced this job
    }
    setBusy(false);
    if (!outcome.error.isEmpty()) {
        info_->setText(tr("Extraction failed: %1").arg(outcome.error));
        emit extractionFailed(outcome.error);
        return;
    }
    result_ = outcome.result;
    extracted_->setPlainText(stringField(result_, "content"));
    const Value* meta = result_.find("metadata");
    metadata_->setState(std::make_shared<const Value>(meta != nullptr ? *meta : Value::object()));
    tables_->setPlainText(tablesText(result_));
    useStream(outcome.stream);
    emit extractionFinished();
}

void DocumentPanel::useStream(std::shared_ptr<ChunkSource> stream) {
    chunks_->clearChunks();
    current_ = {-1, -1};
    stream_ = std::move(stream);
    highlight(-1);
}

// A new chunk size: a new stream, opened on a worker because formats other
// than HTML extract once up front (a big document would block the GUI).
void DocumentPanel::resetChunks() {
    chunks_->clearChunks();
    current_ = {-1, -1};
    stream_.reset();
    if (result_.isNull()) {
        return;
    }
    DocumentExtractor::Options options;
    options.maxChars = maxChars_->value();
    options.fileName = name_;
    const int job = ++streamJob_;
    info_->setText(tr("Restarting the chunk stream of %1…").arg(name_));
    QPointer<DocumentPanel> self(this);
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [self, watcher, job] {
        watcher->deleteLater();
        if (!self || job != self->streamJob_) {
            return; // stale: a newer chunk size replaced this stream
        }
        const Outcome outcome = watcher->result();
        if (!outcome.error.isEmpty()) {
            self->info_->setText(tr("The chunk stream could not start: %1").arg(outcome.error));
            return;
        }
        self->useStream(outcome.stream);
        self->info_->setText(tr("%1 · chunk stream ready").arg(self->name_));
        emit self->chunksReset();
    });
    watcher->setFuture(QtConcurrent::run([bytes = bytes_, mime = mime_, options] {
        Outcome out;
        try {
            out.stream = DocumentExtractor::stream(bytes, mime, options);
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

bool DocumentPanel::pullNext() {
    Value chunk;
    if (!stream_ || !stream_->next(chunk)) {
        info_->setText(tr("%1 · all %2 chunks pulled").arg(name_).arg(pulledCount()));
        return false;
    }
    chunks_->appendChunk(chunk);
    highlight(pulledCount() - 1);
    chunkView_->setCurrentIndex(chunks_->index(pulledCount() - 1, 0));
    return true;
}

void DocumentPanel::pullAll() {
    while (pullNext()) {
    }
}

void DocumentPanel::setMaxChars(int maxChars) {
    maxChars_->setValue(maxChars);
    resetChunks();
}

int DocumentPanel::pulledCount() const { return static_cast<int>(chunks_->chunks().size()); }

QString DocumentPanel::extractedText() const { return extracted_->toPlainText(); }

int DocumentPanel::highlightCount() const { return static_cast<int>(extracted_->extraSelections().size()); }

QString DocumentPanel::chunkInfo() const { return info_->text(); }

void DocumentPanel::highlight(int currentChunk) {
    const QString text = extracted_->toPlainText();
    const QPalette p = palette();
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    const QColor shades[] = {dark ? QColor(0x2e, 0x4a, 0x62) : QColor(0xdd, 0xee, 0xff),
                             dark ? QColor(0x4a, 0x3e, 0x24) : QColor(0xff, 0xf1, 0xd0)};
    QList<QTextEdit::ExtraSelection> selections;
    const auto& list = chunks_->chunks();
    for (int i = 0; i < static_cast<int>(list.size()); ++i) {
        const Value* meta = list[static_cast<std::size_t>(i)].find("metadata");
        if (meta == nullptr) {
            continue;
        }
        const int start = utf16Position(text, static_cast<int>(numberField(*meta, "char_start")));
        const int end = utf16Position(text, static_cast<int>(numberField(*meta, "char_end")));
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(extracted_->document());
        s.cursor.setPosition(start);
        s.cursor.setPosition(end, QTextCursor::KeepAnchor);
        s.format.setBackground(i == currentChunk ? p.color(QPalette::Highlight) : shades[i % 2]);
        if (i == currentChunk) {
            s.format.setForeground(p.color(QPalette::HighlightedText));
            current_ = {start, end};
            QTextCursor c(extracted_->document());
            c.setPosition(start);
            extracted_->setTextCursor(c);
            extracted_->ensureCursorVisible();
        }
        selections << s;
    }
    extracted_->setExtraSelections(selections);
    if (currentChunk >= 0 && currentChunk < static_cast<int>(list.size())) {
        const QModelIndex row = chunks_->index(currentChunk, 0);
        // A streamed chunk does not know the total yet (null): say "so far" instead.
        const double total = numberField(*list[static_cast<std::size_t>(currentChunk)].find("metadata"),
                                          "total_chunks", -1);
        info_->setText(tr("%1 · chunk %2 %3 · chars %4 · bytes %5%6")
                           .arg(name_)
                           .arg(currentChunk + 1)
                           .arg(total > 0 ? tr("of %1").arg(total) : tr("(total known at the end)"))
                           .arg(chunks_->index(row.row(), 1).data().toString(),
                                chunks_->index(row.row(), 2).data().toString())
                           .arg(chunks_->index(row.row(), 4).data().toString().isEmpty()
                                    ? QString()
                                    : tr(" · under “%1”").arg(chunks_->index(row.row(), 4).data().toString())));
    } else {
        const Value* meta = result_.find("metadata");
        const QString by = meta != nullptr ? stringField(*meta, "extractor", DocumentExtractor::backendName())
                                           : DocumentExtractor::backendName();
        const QString why = meta != nullptr ? stringField(*meta, "engine_error") : QString();
        info_->setText(tr("%1 · %2 · extracted by %3%4 · press Next chunk (N) to pull chunks")
                           .arg(name_, stringField(result_, "mime_type", mime_), by,
                                why.isEmpty() ? QString() : tr(" (engine: %1)").arg(why)));
    }
}
