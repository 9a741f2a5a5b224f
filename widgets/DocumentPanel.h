// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChunkSource.h"
#include "core/Json.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class ChunkListModel;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeView;
class StateTreeModel;

// The Document dock: the source beside the extracted content, the chunks
// pulled so far highlighted in it (the current one strongest) with their
// heading context and offsets, the metadata and tables. Extraction runs off
// the GUI thread; a newer document or Cancel drops an older job's result.
class DocumentPanel : public QWidget {
    Q_OBJECT
public:
    explicit DocumentPanel(QWidget* parent = nullptr);
    ~DocumentPanel() override;

    void setDocument(const QString& name, const QByteArray& bytes, const QString& mime);
    [[nodiscard]] bool isBusy() const { return busy_; }
    [[nodiscard]] QString documentName() const { return name_; }

    // Pulls one chunk from the stream; false when it is exhausted.
    bool pullNext();
    void pullAll();
    void resetChunks();
    void cancel();
    // Chunk size of the stream (restarts it).
    void setMaxChars(int maxChars);

    [[nodiscard]] int pulledCount() const;
    [[nodiscard]] ChunkListModel* chunkModel() const { return chunks_; }
    [[nodiscard]] StateTreeModel* metadataModel() const { return metadata_; }
    [[nodiscard]] QString extractedText() const;
    // The current chunk's highlight in the extracted pane (UTF-16 positions).
    [[nodiscard]] std::pair<int, int> currentHighlight() const { return current_; }
    [[nodiscard]] int highlightCount() const;
    [[nodiscard]] QString chunkInfo() const;

signals:
    void extractionFinished();
    void extractionFailed(const QString& reason);
    // A new chunk size's stream is open (resetChunks opens it on a worker).
    void chunksReset();

private:
    struct Outcome {
        bi::json::Value result;
        QString error;
        std::shared_ptr<ChunkSource> stream; // opened on the worker too
    };
    void onExtracted(int job, const Outcome& outcome);
    void useStream(std::shared_ptr<ChunkSource> stream);
    void highlight(int currentChunk);
    void setBusy(bool busy);

    QString name_;
    QString mime_;
    QByteArray bytes_;
    bi::json::Value result_;
    std::shared_ptr<ChunkSource> stream_;
    int job_ = 0;
    int streamJob_ = 0; // the newest resetChunks; older streams are dropped
    bool busy_ = false;
    std::pair<int, int> current_{-1, -1};

    QPlainTextEdit* source_;
    QPlainTextEdit* extracted_;
    ChunkListModel* chunks_;
    StateTreeModel* metadata_;
    QPlainTextEdit* tables_;
    QTreeView* chunkView_;
    QLabel* info_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QPushButton* next_;
    QSpinBox* maxChars_;
};
