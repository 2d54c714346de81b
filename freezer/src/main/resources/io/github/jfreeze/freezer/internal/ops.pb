

Abort

Abs
x"T
y"T
)
AccumulateNV2
inputs"T*N
sum"T
L
AccumulatorApplyGradient
handleÄ

local_step	
gradient"dtype
?
AccumulatorNumAccumulated
handleÄ
num_accumulated
>
AccumulatorSetGlobalStep
handleÄ
new_global_step	
L
AccumulatorTakeGradient
handleÄ
num_required
average"dtype

Acos
x"T
y"T

Acosh
x"T
y"T

Add
x"T
y"T
z"T
l
AddManySparseToTensorsMap
sparse_indices	
sparse_values"T
sparse_shape	
sparse_handles	à
 
AddN
inputs"T*N
sum"T
g
AddSparseToTensorsMap
sparse_indices	
sparse_values"T
sparse_shape	
sparse_handle	à

AddV2
x"T
y"T
z"T
\
AdjustContrast
images"T
contrast_factor
	min_value
	max_value

output
P
AdjustContrastv2
images"T
contrast_factor
output"T"
Ttype0
?
	AdjustHue
images"T	
delta
output"T"
Ttype0
F
AdjustSaturation
images"T	
scale
output"T"
Ttype0
I
All	
input

reduction_indices"Tidx

output
"
Tidxtype0
w
AllCandidateSampler
true_classes	
sampled_candidates	
true_expected_count
sampled_expected_countà
<
AllToAll

input"T
group_assignment
output"Tà
D
Angle

input"T
output"Tout"
Ttype0"
Touttype0
)
AnonymousHashTable
table_handleà
"
AnonymousIterator

handleà
1
AnonymousIteratorV2

handle
deleterà
$
AnonymousIteratorV3

handleà
2
AnonymousMemoryCache

handle
deleterà
:
AnonymousMultiDeviceIterator

handle
deleterà
/
AnonymousMultiDeviceIteratorV3

handleà
g
AnonymousMutableDenseHashTable
	empty_key"	key_dtype
deleted_key"	key_dtype
table_handleà
0
AnonymousMutableHashTable
table_handleà
9
"AnonymousMutableHashTableOfTensors
table_handleà
O
AnonymousRandomSeedGenerator
seed		
seed2	

handle
deleterà
X
AnonymousSeedGenerator
seed		
seed2	
	reshuffle


handle
deleterà
I
Any	
input

reduction_indices"Tidx

output
"
Tidxtype0
â
ApplyAdaMax
var"TÄ	
m"TÄ	
v"TÄ
beta1_power"T
lr"T

beta1"T

beta2"T
epsilon"T	
grad"T
out"TÄ
z
ApplyAdadelta
var"TÄ
accum"TÄ
accum_update"TÄ
lr"T
rho"T
epsilon"T	
grad"T
out"TÄ
K
ApplyAdagrad
var"TÄ
accum"TÄ
lr"T	
grad"T
out"TÄ
•
ApplyAdagradDA
var"TÄ
gradient_accumulator"TÄ$
gradient_squared_accumulator"TÄ	
grad"T
lr"T
l1"T
l2"T
global_step	
out"TÄ
[
ApplyAdagradV2
var"TÄ
accum"TÄ
lr"T
epsilon"T	
grad"T
out"TÄ
ô
	ApplyAdam
var"TÄ	
m"TÄ	
v"TÄ
beta1_power"T
beta2_power"T
lr"T

beta1"T

beta2"T
epsilon"T	
grad"T
out"TÄ
o
ApplyAddSign
var"TÄ	
m"TÄ
lr"T

alpha"T

sign_decay"T	
beta"T	
grad"T
out"TÄ
ê
ApplyCenteredRMSProp
var"TÄ

mg"TÄ

ms"TÄ
mom"TÄ
lr"T
rho"T
momentum"T
epsilon"T	
grad"T
out"TÄ
y
	ApplyFtrl
var"TÄ
accum"TÄ
linear"TÄ	
grad"T
lr"T
l1"T
l2"T
lr_power"T
out"TÄ
é
ApplyFtrlV2
var"TÄ
accum"TÄ
linear"TÄ	
grad"T
lr"T
l1"T
l2"T
l2_shrinkage"T
lr_power"T
out"TÄ
H
ApplyGradientDescent
var"TÄ

alpha"T

delta"T
out"TÄ
[
ApplyMomentum
var"TÄ
accum"TÄ
lr"T	
grad"T
momentum"T
out"TÄ
s
ApplyPowerSign
var"TÄ	
m"TÄ
lr"T
logbase"T

sign_decay"T	
beta"T	
grad"T
out"TÄ
e
ApplyProximalAdagrad
var"TÄ
accum"TÄ
lr"T
l1"T
l2"T	
grad"T
out"TÄ
b
ApplyProximalGradientDescent
var"TÄ

alpha"T
l1"T
l2"T

delta"T
out"TÄ
|
ApplyRMSProp
var"TÄ

ms"TÄ
mom"TÄ
lr"T
rho"T
momentum"T
epsilon"T	
grad"T
out"TÄ
2

ApproxTopK

input"T
values"T
indices
)
ApproximateEqual
x"T
y"T
z

i
ArgMax

input"T
	dimension"Tidx
output"output_type"
Tidxtype0"
output_typetype0	
i
ArgMin

input"T
	dimension"Tidx
output"output_type"
Tidxtype0"
output_typetype0	
"
AsString

input"T

output

Asin
x"T
y"T

Asinh
x"T
y"T
%
Assert
	condition
	
data2Tà
J
AssertCardinalityDataset
input_dataset
cardinality	

handle
G
AssertNextDataset
input_dataset
transformations

handle
G
AssertPrevDataset
input_dataset
transformations

handle
5
Assign
ref"TÄ

value"T

output_ref"TÄ
8
	AssignAdd
ref"TÄ

value"T

output_ref"TÄ
6
AssignAddVariableOp
resource
value"dtypeà
8
	AssignSub
ref"TÄ

value"T

output_ref"TÄ
6
AssignSubVariableOp
resource
value"dtypeà
3
AssignVariableOp
resource
value"dtypeà
<
AssignVariableXlaConcatND
resource
inputs"T*Nà

Atan
x"T
y"T

Atan2
y"T
x"T
z"T

Atanh
x"T
y"T
.
AudioSpectrogram	
input
spectrogram
0
AudioSummary
tag

tensor
summary
C
AudioSummaryV2
tag

tensor
sample_rate
summary
M
AutoShardDataset
input_dataset
num_workers		
index	

handle
"
AvgPool

value"T
output"T
$
	AvgPool3D

input"T
output"T
=
AvgPool3DGrad
orig_input_shape	
grad"T
output"T
;
AvgPoolGrad
orig_input_shape	
grad"T
output"T
;
BandedTriangularSolve
matrix"T
rhs"T
output"T

Barrier
handleÄà

BarrierClose
handleÄ
0
BarrierIncompleteSize
handleÄ
size
9
BarrierInsertMany
handleÄ
keys
values"T
+
BarrierReadySize
handleÄ
size
d
BarrierTakeMany
handleÄ
num_elements
indices	
keys
values2component_types
G
Batch

in_tensors2T
batched_tensors2T
batch_index	
id	
(
BatchCholesky

input"T
output"T
3
BatchCholeskyGrad
l"T	
grad"T
output"T
=
BatchDataset
input_dataset

batch_size	

handle
S
BatchDatasetV2
input_dataset

batch_size	
drop_remainder


handle
!
BatchFFT	
input

output
#

BatchFFT2D	
input

output
#

BatchFFT3D	
input

output
V
BatchFunction

in_tensors2Tin
captured_tensors2	Tcaptured
out_tensors2Tout
"
	BatchIFFT	
input

output
$
BatchIFFT2D	
input

output
$
BatchIFFT3D	
input

output
*
BatchMatMul
x"T
y"T
output"T
,
BatchMatMulV2
x"T
y"T
output"T
1
BatchMatMulV3
x"Ta
y"Tb
output"Tout
J
BatchMatrixBandPart

input"T
	num_lower	
	num_upper		
band"T
1
BatchMatrixDeterminant

input"T
output"T
-
BatchMatrixDiag
diagonal"T
output"T
0
BatchMatrixDiagPart

input"T
diagonal"T
-
BatchMatrixInverse

input"T
output"T
<
BatchMatrixSetDiag

input"T
diagonal"T
output"T
6
BatchMatrixSolve
matrix"T
rhs"T
output"T
L
BatchMatrixSolveLs
matrix"T
rhs"T
l2_regularizer
output"T
@
BatchMatrixTriangularSolve
matrix"T
rhs"T
output"T
^
 BatchNormWithGlobalNormalization
t"T
m"T
v"T	
beta"T

gamma"T
result"T
Ü
$BatchNormWithGlobalNormalizationGrad
t"T
m"T
v"T

gamma"T
backprop"T
dx"T
dm"T
dv"T
db"T
dg"T
.
BatchSelfAdjointEig

input"T
output"T
3
BatchSelfAdjointEigV2

input"T
e"T
v"T
.
BatchSvd

input"T
s"T
u"T
v"T
H
BatchToSpace

input"T
crops"Tidx
output"T"
Tidxtype0
Ö
BatchToSpaceND

input"T
block_shape"Tblock_shape
crops"Tcrops
output"T"
Tblock_shapetype0"
Tcropstype0

BesselI0
x"T
y"T

	BesselI0e
x"T
y"T

BesselI1
x"T
y"T

	BesselI1e
x"T
y"T

BesselJ0
x"T
y"T

BesselJ1
x"T
y"T

BesselK0
x"T
y"T

	BesselK0e
x"T
y"T

BesselK1
x"T
y"T

	BesselK1e
x"T
y"T

BesselY0
x"T
y"T

BesselY1
x"T
y"T
)
Betainc
a"T
b"T
x"T
z"T
-
BiasAdd

value"T	
bias"T
output"T
-
BiasAddGrad
out_backprop"T
output"T
/
	BiasAddV1

value"T	
bias"T
output"T
6
Bincount
arr
size
weights"T	
bins"T
%
Bitcast

input"T
output"type
$

BitwiseAnd
x"T
y"T
z"T
#
	BitwiseOr
x"T
y"T
z"T
$

BitwiseXor
x"T
y"T
z"T
®
	BlockLSTM
seq_len_max	
x"T
cs_prev"T
h_prev"T
w"T
wci"T
wcf"T
wco"T
b"T
i"T
cs"T
f"T
o"T
ci"T
co"T
h"T
¿
BlockLSTMGrad
seq_len_max	
x"T
cs_prev"T
h_prev"T
w"T
wci"T
wcf"T
wco"T
b"T
i"T
cs"T
f"T
o"T
ci"T
co"T
h"T
cs_grad"T
h_grad"T
x_grad"T
cs_prev_grad"T
h_prev_grad"T
w_grad"T
wci_grad"T
wcf_grad"T
wco_grad"T
b_grad"T
¬
BlockLSTMGradV2
seq_len_max	
x"T
cs_prev"T
h_prev"T
w"T
wci"T
wcf"T
wco"T
b"T
i"T
cs"T
f"T
o"T
ci"T
co"T
h"T
cs_grad"T
h_grad"T
x_grad"T
cs_prev_grad"T
h_prev_grad"T
w_grad"T
wci_grad"T
wcf_grad"T
wco_grad"T
b_grad"T
™
BlockLSTMV2
seq_len_max	
x"T
cs_prev"T
h_prev"T
w"T
wci"T
wcf"T
wco"T
b"T
i"T
cs"T
f"T
o"T
ci"T
co"T
h"T
g
BoostedTreesAggregateStats
node_ids
	gradients
hessians
feature
stats_summary
w
BoostedTreesBucketize
float_values*num_features#
bucket_boundaries*num_features
buckets*num_features
ú
%BoostedTreesCalculateBestFeatureSplit
node_id_range
stats_summary
l1
l2
tree_complexity
min_node_weight
node_ids	
gains
feature_dimensions

thresholds
left_node_contribs
right_node_contribs!
split_with_default_directions

'BoostedTreesCalculateBestFeatureSplitV2
node_id_range&
stats_summaries_list*num_features
split_types
candidate_feature_ids
l1
l2
tree_complexity
min_node_weight
node_ids	
gains
feature_ids
feature_dimensions

thresholds
left_node_contribs
right_node_contribs!
split_with_default_directions
÷
(BoostedTreesCalculateBestGainsPerFeature
node_id_range$
stats_summary_list*num_features
l1
l2
tree_complexity
min_node_weight
node_ids_list*num_features

gains_list*num_features!
thresholds_list*num_features)
left_node_contribs_list*num_features*
right_node_contribs_list*num_features
Ñ
BoostedTreesCenterBias
tree_ensemble_handle
mean_gradients
mean_hessians
l1
l2
continue_centering
à
h
BoostedTreesCreateEnsemble
tree_ensemble_handle
stamp_token	
tree_ensemble_serializedà
p
(BoostedTreesCreateQuantileStreamResource#
quantile_stream_resource_handle
epsilon
num_streams	à
m
BoostedTreesDeserializeEnsemble
tree_ensemble_handle
stamp_token	
tree_ensemble_serializedà
7
$BoostedTreesEnsembleResourceHandleOp
resourceà
ó
BoostedTreesExampleDebugOutputs
tree_ensemble_handle0
bucketized_features*num_bucketized_features%
!examples_debug_outputs_serializedà
i
"BoostedTreesFlushQuantileSummaries#
quantile_stream_resource_handle
	summaries*num_featuresà
´
BoostedTreesGetEnsembleStates
tree_ensemble_handle
stamp_token	
	num_trees
num_finalized_trees
num_attempted_layers
last_layer_nodes_rangeà
Ç
!BoostedTreesMakeQuantileSummaries
float_values*num_features
example_weights
epsilon
	summaries*num_features
à
BoostedTreesMakeStatsSummary
node_ids
	gradients
hessians*
bucketized_features_list*num_features
stats_summary
p
BoostedTreesPredict
tree_ensemble_handle0
bucketized_features*num_bucketized_features

logitsà
u
.BoostedTreesQuantileStreamResourceAddSummaries#
quantile_stream_resource_handle
	summaries*num_featuresà
{
-BoostedTreesQuantileStreamResourceDeserialize#
quantile_stream_resource_handle"
bucket_boundaries*num_streamsà
b
'BoostedTreesQuantileStreamResourceFlush#
quantile_stream_resource_handle
num_buckets	à
Ñ
5BoostedTreesQuantileStreamResourceGetBucketBoundaries#
quantile_stream_resource_handle#
bucket_boundaries*num_featuresà
=
*BoostedTreesQuantileStreamResourceHandleOp
resourceà
k
BoostedTreesSerializeEnsemble
tree_ensemble_handle
stamp_token	
tree_ensemble_serializedà
◊
 BoostedTreesSparseAggregateStats
node_ids
	gradients
hessians
feature_indices
feature_values
feature_shape
stats_summary_indices
stats_summary_values
stats_summary_shape
›
+BoostedTreesSparseCalculateBestFeatureSplit
node_id_range
stats_summary_indices
stats_summary_values
stats_summary_shape
l1
l2
tree_complexity
min_node_weight
node_ids	
gains
feature_dimensions

thresholds
left_node_contribs
right_node_contribs!
split_with_default_directions
∆
BoostedTreesTrainingPredict
tree_ensemble_handle
cached_tree_ids
cached_node_ids0
bucketized_features*num_bucketized_features
partial_logits
tree_ids
node_idsà
å
BoostedTreesUpdateEnsemble
tree_ensemble_handle
feature_ids
node_ids*num_features
gains*num_features

thresholds*num_features$
left_node_contribs*num_features%
right_node_contribs*num_features
	max_depth
learning_rateà
Ï
BoostedTreesUpdateEnsembleV2
tree_ensemble_handle
feature_ids*
num_groups
dimension_ids*num_features
node_ids*num_features
gains*num_features

thresholds*num_features$
left_node_contribs*num_features%
right_node_contribs*num_features
split_types*num_features
	max_depth
learning_rate
pruning_modeà
9
BroadcastArgs
s0"T
s1"T
r0"T"
Ttype0
J
BroadcastGradientArgs
s0"T
s1"T
r0"T
r1"T"
Ttype0
G
BroadcastTo

input"T
shape"Tidx
output"T"
Tidxtype0
#
	Bucketize

input"T

output
C
BytesProducedStatsDataset
input_dataset
tag

handle
i
CSRSparseMatrixComponents
csr_sparse_matrix	
index
row_ptrs
col_inds
values"type
@
CSRSparseMatrixToDense
sparse_input
dense_output"type
`
CSRSparseMatrixToSparseTensor
sparse_matrix
indices	
values"type
dense_shape	
√

CSVDataset
	filenames
compression_type
buffer_size	

header

field_delim
use_quote_delim

na_value
select_cols	
record_defaults2output_types

handleà
◊
CSVDatasetV2
	filenames
compression_type
buffer_size	

header

field_delim
use_quote_delim

na_value
select_cols	
record_defaults2output_types
exclude_cols	

handleà
∫
CTCBeamSearchDecoder
inputs"T
sequence_length
decoded_indices	*	top_paths
decoded_values	*	top_paths
decoded_shape	*	top_paths
log_probability"T"
Ttype0
ï
CTCGreedyDecoder
inputs"T
sequence_length
decoded_indices	
decoded_values	
decoded_shape	
log_probability"T"
Ttype0
{
CTCLoss
inputs"T
labels_indices	
labels_values
sequence_length	
loss"T
gradient"T"
Ttype0
k
	CTCLossV2

inputs
labels_indices	
labels_values
sequence_length
loss
gradient
;
CacheDataset
input_dataset
filename

handle
K
CacheDatasetV2
input_dataset
filename	
cache

handleà
,
CalibrationStatisticsSaver
args2Tinà
9
Case
branch_index
input2Tin
output2Toutà

Cast	
x"SrcT	
y"DstT

Ceil
x"T
y"T
,
CheckNumerics
tensor"T
output"Tà
.
CheckNumericsV2
tensor"T
output"Tà
'
CheckPinned
tensor"T
output"T
#
Cholesky

input"T
output"T
.
CholeskyGrad
l"T	
grad"T
output"T
Ü
ChooseFastestBranchDataset
input_dataset
ratio_numerator	
ratio_denominator	
other_arguments2
Targuments

handle
9
ChooseFastestDataset
input_datasets*N

handle
L
ClipByValue
t"T
clip_value_min"T
clip_value_max"T
output"T
#
CloseSummaryWriter

writerà
O
CollateTPUEmbeddingMemory
memory_configs*N
merged_memory_configà
Ü
CollectiveAllToAllV2

input"T

group_size
	group_key
instance_key#
ordering_token*Nordering_token	
data"Tà
X
CollectiveAllToAllV3

input"T
communicator
group_assignment	
data"Tà
q
CollectiveAssignGroupV2
group_assignment
device_index
base_key

group_size
	group_keyà
#
CollectiveBcastRecv	
data"Tà
{
CollectiveBcastRecvV2

group_size
	group_key
instance_key
shape"Tshape	
data"T"
Tshapetype0à
/
CollectiveBcastSend

input"T	
data"Tà
b
CollectiveBcastSendV2

input"T

group_size
	group_key
instance_key	
data"Tà
,
CollectiveGather

input"T	
data"Tà
Ñ
CollectiveGatherV2

input"T

group_size
	group_key
instance_key#
ordering_token*Nordering_token	
data"Tà
`
 CollectiveInitializeCommunicator
	group_key
rank

group_size
communicatorà
H
CollectivePermute

input"T
source_target_pairs
output"Tà
,
CollectiveReduce

input"T	
data"Tà
ã
CollectiveReduceScatterV2

input"T

group_size
	group_key
instance_key#
ordering_token*Nordering_token	
data"Tà
Ñ
CollectiveReduceV2

input"T

group_size
	group_key
instance_key#
ordering_token*Nordering_token	
data"Tà
V
CollectiveReduceV3

input"T
communicator
group_assignment	
data"Tà
Ÿ
CombinedNonMaxSuppression	
boxes

scores
max_output_size_per_class
max_total_size
iou_threshold
score_threshold
nmsed_boxes
nmsed_scores
nmsed_classes
valid_detections
M
Complex	
real"T	
imag"T
out"Tout"
Ttype0"
Touttype0
@

ComplexAbs
x"T	
y"Tout"
Ttype0"
Touttype0
N
$CompositeTensorVariantFromComponents

components2Tcomponents
encoded
L
"CompositeTensorVariantToComponents
encoded

components2Tcomponents
<
CompressElement

components2input_types

compressed
d
ComputeAccidentalHits
true_classes	
sampled_candidates	
indices
ids	
weights
5
ComputeBatchSize
input_dataset

batch_size	
+
ComputeDedupDataSize
num_elementsà
-
ComputeDedupDataSizeV2
num_elementsà
0
ComputeDedupDataTupleMask
output_shapeà
2
ComputeDedupDataTupleMaskV2
output_shapeà
5
Concat

concat_dim
values"T*N
output"T
g
ConcatOffset

concat_dim
shape"
shape_type*N
offset"
shape_type*N"

shape_typetype0
G
ConcatV2
values"T*N
axis"Tidx
output"T"
Tidxtype0
H
ConcatenateDataset
input_dataset
another_dataset

handle
*
ConditionalAccumulator
handleÄà
0
ConfigureAndInitializeGlobalTPU

outputà
*
ConfigureDistributedTPU
topologyà

ConfigureTPUEmbeddingà
X
ConfigureTPUEmbeddingHost
common_config
memory_config
network_configà
F
ConfigureTPUEmbeddingMemory
common_config
memory_configà
.
Conj

input"T
output"T"
Ttype0
F
ConjugateTranspose
x"T
perm"Tperm
y"T"
Tpermtype0
5
ConnectTPUEmbeddingHosts
network_configs*Nà

Const
output"dtype
%
ConsumeMutexLock

mutex_lockà

ControlTrigger
,
Conv

input"T
filter"T
output"T
.
Conv2D

input"T
filter"T
output"T
T
Conv2DBackpropFilter

input"T
filter_sizes
out_backprop"T
output"T
Q
Conv2DBackpropFilterV2

input"T
filter"T
out_backprop"T
output"T
S
Conv2DBackpropInput
input_sizes
filter"T
out_backprop"T
output"T
P
Conv2DBackpropInputV2

input"T
filter"T
out_backprop"T
output"T
.
Conv3D

input"T
filter"T
output"T
O
Conv3DBackpropFilter

input"T
filter"T
out_backprop"T
output"T
V
Conv3DBackpropFilterV2

input"T
filter_sizes
out_backprop"T
output"T
N
Conv3DBackpropInput

input"T
filter"T
out_backprop"T
output"T
o
Conv3DBackpropInputV2
input_sizes"Tshape
filter"T
out_backprop"T
output"T"
Tshapetype0
p
ConvertToCooTensor
indices_or_row_splits

values
weights
row_ids
col_ids	
gainsà
¿
#ConvertToListOfSparseCoreCooTensors
indices_or_row_splits

values
weights!
row_ids_list*num_sc_per_chip!
col_ids_list*num_sc_per_chip

gains_list*num_sc_per_chip
˘
&ConvertToSparseCoreCsrWrappedCooTensor(
sorted_row_ids_list*num_sc_per_chip(
sorted_col_ids_list*num_sc_per_chip&
sorted_gains_list*num_sc_per_chip#
id_counts_list*num_sc_per_chip

splits	
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
row_pointers_unpadded_size
ids_unpadded_size
num_minibatches_per_sc

Copy

input"T
output"T
#
CopyHost

input"T
output"T
%

CopyToMesh

input"T
output"T
=
CopyToMeshGrad

input"T
forward_input"T
output"T

Cos
x"T
y"T

Cosh
x"T
y"T
%
	CountUpTo
ref"TÄ
output"T
d
CreateSummaryDbWriter

writer

db_uri
experiment_name
run_name
	user_nameà
j
CreateSummaryFileWriter

writer

logdir
	max_queue
flush_millis
filename_suffixà
M
CropAndResize

image"T	
boxes
box_ind
	crop_size	
crops
S
CropAndResizeGradBoxes	
grads

image"T	
boxes
box_ind

output
X
CropAndResizeGradImage	
grads	
boxes
box_ind

image_size
output"T
%
Cross
a"T
b"T
product"T
C
CrossReplicaSum

input"T
group_assignment
output"Tà
Å
CudnnRNN

input"T
input_h"T
input_c"T
params"T
output"T
output_h"T
output_c"T
reserve_space"Tà
®
CudnnRNNBackprop

input"T
input_h"T
input_c"T
params"T
output"T
output_h"T
output_c"T
output_backprop"T
output_h_backprop"T
output_c_backprop"T
reserve_space"T
input_backprop"T
input_h_backprop"T
input_c_backprop"T
params_backprop"Tà
Ω
CudnnRNNBackpropV2

input"T
input_h"T
input_c"T
params"T
output"T
output_h"T
output_c"T
output_backprop"T
output_h_backprop"T
output_c_backprop"T
reserve_space"T
host_reserved
input_backprop"T
input_h_backprop"T
input_c_backprop"T
params_backprop"Tà
”
CudnnRNNBackpropV3

input"T
input_h"T
input_c"T
params"T
sequence_lengths
output"T
output_h"T
output_c"T
output_backprop"T
output_h_backprop"T
output_c_backprop"T
reserve_space"T
host_reserved
input_backprop"T
input_h_backprop"T
input_c_backprop"T
params_backprop"Tà
ä
CudnnRNNCanonicalToParams

num_layers
	num_units

input_size
weights"T*
num_params
biases"T*
num_params
params"T
õ
CudnnRNNCanonicalToParamsV2

num_layers
	num_units

input_size 
weights"T*num_params_weights
biases"T*num_params_biases
params"T
U
CudnnRNNParamsSize

num_layers
	num_units

input_size
params_size"S
ä
CudnnRNNParamsToCanonical

num_layers
	num_units

input_size
params"T
weights"T*
num_params
biases"T*
num_params
õ
CudnnRNNParamsToCanonicalV2

num_layers
	num_units

input_size
params"T 
weights"T*num_params_weights
biases"T*num_params_biases
ñ

CudnnRNNV2

input"T
input_h"T
input_c"T
params"T
output"T
output_h"T
output_c"T
reserve_space"T
host_reservedà
¨

CudnnRNNV3

input"T
input_h"T
input_c"T
params"T
sequence_lengths
output"T
output_h"T
output_c"T
reserve_space"T
host_reservedà
;
Cumprod
x"T
axis"Tidx
out"T"
Tidxtype0
:
Cumsum
x"T
axis"Tidx
out"T"
Tidxtype0
G
CumulativeLogsumexp
x"T
axis"Tidx
out"T"
Tidxtype0
J
CustomAggregator	
input

output
min
max
	histogram	
+
DTensorAllGather

input"T
output"T
A
DTensorAllReduce

input"T
group_assignment
output"T
,
DTensorAllScatter

input"T
output"T
*
DTensorAllToAll

input"T
output"T
\
DTensorReduceScatter

input"T
group_assignment
scatter_dimension
output"T
\
DTensorRestoreV2

prefix
tensor_names
shape_and_slices
tensors2dtypesà
+
DTensorSetGlobalTPUArray
topologyà
1
DataFormatDimMap
x"T
y"T"
Ttype0
5
DataFormatVecPermute
x"T
y"T"
Ttype0
¶
DataServiceDataset

dataset_id	
processing_mode
address
protocol
job_name
max_outstanding_requests	
iteration_counter

handleà
œ
DataServiceDatasetV2

dataset_id	
processing_mode
address
protocol
job_name
consumer_index	
num_consumers	
max_outstanding_requests	
iteration_counter

handleà
œ
DataServiceDatasetV3

dataset_id	
processing_mode
address
protocol
job_name
consumer_index	
num_consumers	
max_outstanding_requests	
iteration_counter

handleà
œ
DataServiceDatasetV4

dataset_id
processing_mode
address
protocol
job_name
consumer_index	
num_consumers	
max_outstanding_requests	
iteration_counter

handleà
8
DatasetCardinality
input_dataset
cardinality	
8
DatasetFingerprint
input_dataset
fingerprint
-
DatasetFromGraph
	graph_def

handle
.
DatasetToGraph
input_dataset	
graph
0
DatasetToGraphV2
input_dataset	
graph
D
DatasetToSingleElement
dataset

components2output_typesà
M
DatasetToTFRecord
input_dataset
filename
compression_typeà

Dawsn
x"T
y"T
0
DebugGradientIdentity

input"T
output"T
9
DebugGradientRefIdentity
input"TÄ
output"TÄ
(
DebugIdentity

input"T
output"T
-
DebugIdentityV2

input"T
output"Tà
-
DebugIdentityV3

input"T
output"Tà
'
DebugNanCount

input"T

output	
-
DebugNumericSummary

input"T

output
U
DebugNumericSummaryV2

input"T
output"output_dtype"
output_dtypetype0
=
DecodeAndCropJpeg
contents
crop_window	
image
%
DecodeBase64	
input

output
$
	DecodeBmp
contents	
image
I
	DecodeCSV
records
record_defaults2OUT_TYPE
output2OUT_TYPE
)
DecodeCompressed	
bytes

output
$
	DecodeGif
contents	
image
>
DecodeImage
contents
image"dtype"
dtypetype0
;
DecodeJSONExample
json_examples
binary_examples
%

DecodeJpeg
contents	
image
H
DecodePaddedRaw
input_bytes
fixed_length
output"out_type
<
	DecodePng
contents
image"dtype"
dtypetype0
=
DecodeProtoV2	
bytes	
sizes
values2output_types
*
	DecodeRaw	
bytes
output"out_type
5
	DecodeWav
contents	
audio
sample_rate

DeepCopy
x"T
y"Tà
,
DeleteIterator

handle
deleterà
/
DeleteMemoryCache

handle
deleterà
X
DeleteMultiDeviceIterator
multi_device_iterator
	iterators*N
deleterà
7
DeleteRandomSeedGenerator

handle
deleterà
5
DeleteRpcFutureResource

handle
deleterà
1
DeleteSeedGenerator

handle
deleterà
$
DeleteSessionTensor

handleà
G
DenseBincount
input"Tidx
size"Tidx
weights"T
output"T
á
DenseCountSparseOutput
values"T
weights"output_type
output_indices	
output_values"output_type
output_dense_shape	
J
DenseToCSRSparseMatrix
dense_input"T
indices	
sparse_output
j
DenseToDenseSetOperation	
set1"T	
set2"T
result_indices	
result_values"T
result_shape	
Y
DenseToSparseBatchDataset
input_dataset

batch_size	
	row_shape	

handle
î
DenseToSparseSetOperation	
set1"T
set2_indices	
set2_values"T

set2_shape	
result_indices	
result_values"T
result_shape	
'
DepthToSpace

input"T
output"T
=
DepthwiseConv2dNative

input"T
filter"T
output"T
c
#DepthwiseConv2dNativeBackpropFilter

input"T
filter_sizes
out_backprop"T
output"T
b
"DepthwiseConv2dNativeBackpropInput
input_sizes
filter"T
out_backprop"T
output"T
Z

Dequantize

input"T
	min_range
	max_range
output"dtype"
dtypetype0
=
DeserializeIterator
resource_handle

serializedà
l
DeserializeManySparse
serialized_sparse
sparse_indices	
sparse_values"dtype
sparse_shape	
å
DeserializeSparse 
serialized_sparse"Tserialized
sparse_indices	
sparse_values"dtype
sparse_shape	"
Tserializedtype0
$
DestroyResourceOp
resourceà
3
DestroyTemporaryVariable
ref"TÄ

value"T

DeviceIndex	
indexà
"
Diag
diagonal"T
output"T
%
DiagPart

input"T
diagonal"T

Digamma
x"T
y"T
2

Dilation2D

input"T
filter"T
output"T
\
Dilation2DBackpropFilter

input"T
filter"T
out_backprop"T
filter_backprop"T
W
Dilation2DBackpropInput

input"T
filter"T
out_backprop"T
in_backprop"T
_
DirectedInterleaveDataset
selector_input_dataset
data_input_datasets*N

handle
$
DisableCopyOnRead
resourceà
=
DistributedSave
dataset
	directory
addressà

Div
x"T
y"T
z"T
"
DivNoNan
x"T
y"T
z"T
G
DrawBoundingBoxes
images"T	
boxes
output"T"
Ttype0
U
DrawBoundingBoxesV2
images"T	
boxes

colors
output"T"
Ttype0
&
DummyIterationCounter

handleà
!
DummyMemoryCache

handleà
#
DummySeedGenerator

handleà
!

DumpTensor
tensor_data"Tà
Î
.DynamicEnqueueTPUEmbeddingArbitraryTensorBatch%
sample_indices_or_row_splits"T1*N
embedding_indices"T2*N
aggregation_weights"T3*N
mode_override
device_ordinal"
T1type0"
T2type0"
T3type0à
Ÿ
+DynamicEnqueueTPUEmbeddingRaggedTensorBatch
sample_splits"T1*N
embedding_indices"T2*N
aggregation_weights"T3*N
mode_override
device_ordinal"
T1type0"
T2type0"
T3type0à
K
DynamicPartition	
data"T

partitions
outputs"T*num_partitions
:
DynamicStitch
indices*N
data"T*N
merged"T
.
EagerPyFunc
input2Tin
output2Toutà
ó
EditDistance
hypothesis_indices	
hypothesis_values"T
hypothesis_shape	
truth_indices	
truth_values"T
truth_shape	

output
'
Eig

input"T	
e"Tout	
v"Tout
%
Einsum
inputs"T*N
output"T
&
Elu
features"T
activations"T
7
EluGrad
	gradients"T
outputs"T
	backprops"T
&
Empty	
shape
output"dtypeà
P
EmptyTensorList
element_shape"
shape_type
max_num_elements

handle

EmptyTensorMap

handle
%
EncodeBase64	
input

output
%

EncodeJpeg	
image
contents
B
EncodeJpegVariableQuality

images
quality
contents
4
	EncodePng

image"T
contents"
Ttype0
;
EncodeProto	
sizes
values2Tinput_types	
bytes
5
	EncodeWav	
audio
sample_rate
contents
–
'EnqueueTPUEmbeddingArbitraryTensorBatch%
sample_indices_or_row_splits"T1*N
embedding_indices"T2*N
aggregation_weights"T3*N
mode_override"
T1type0"
T2type0"
T3type0à
>
EnqueueTPUEmbeddingBatch
batch*N
mode_overrideà
E
EnqueueTPUEmbeddingIntegerBatch
batch*N
mode_overrideà
æ
$EnqueueTPUEmbeddingRaggedTensorBatch
sample_splits"T1*N
embedding_indices"T2*N
aggregation_weights"T3*N
mode_override"
T1type0"
T2type0"
T3type0à
π
EnqueueTPUEmbeddingSparseBatch
sample_indices"T1*N
embedding_indices"T2*N
aggregation_weights"T3*N
mode_override"
T1type0"
T2type0"
T3type0à
ø
$EnqueueTPUEmbeddingSparseTensorBatch
sample_indices"T1*N
embedding_indices"T2*N
aggregation_weights"T3*N
mode_override"
T1type0"
T2type0"
T3type0à
&
EnsureShape

input"T
output"T

Enter	
data"T
output"T

Equal
x"T
y"T
z


Erf
x"T
y"T

Erfc
x"T
y"T

Erfinv
x"T
y"T
U
EuclideanNorm

input"T
reduction_indices"Tidx
output"T"
Tidxtype0
6
ExecuteTPUEmbeddingPartitioner
common_configà

Exit	
data"T
output"T

Exp
x"T
y"T
D

ExpandDims

input"T
dim"Tdim
output"T"
Tdimtype0
S
ExperimentalAssertNextDataset
input_dataset
transformations

handle
Y
ExperimentalAutoShardDataset
input_dataset
num_workers		
index	

handle
O
%ExperimentalBytesProducedStatsDataset
input_dataset
tag

handle
œ
ExperimentalCSVDataset
	filenames
compression_type
buffer_size	

header

field_delim
use_quote_delim

na_value
select_cols	
record_defaults2output_types

handleà
E
 ExperimentalChooseFastestDataset
input_datasets*N

handle
D
ExperimentalDatasetCardinality
input_dataset
cardinality	
Y
ExperimentalDatasetToTFRecord
input_dataset
filename
compression_typeà
e
%ExperimentalDenseToSparseBatchDataset
input_dataset

batch_size	
	row_shape	

handle
k
%ExperimentalDirectedInterleaveDataset
selector_input_dataset
data_input_datasets*N

handle
≥
!ExperimentalGroupByReducerDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments7
init_func_other_arguments2Tinit_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_arguments?
finalize_func_other_arguments2Tfinalize_func_other_arguments

handleà
¸
 ExperimentalGroupByWindowDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_argumentsE
 window_size_func_other_arguments2!Twindow_size_func_other_arguments

handle
@
ExperimentalIgnoreErrorsDataset
input_dataset

handle
<
ExperimentalIteratorGetDevice
resource

deviceà
7
ExperimentalLMDBDataset
	filenames

handleà
I
ExperimentalLatencyStatsDataset
input_dataset
tag

handle
ö
ExperimentalMapAndBatchDataset
input_dataset
other_arguments2
Targuments

batch_size	
num_parallel_calls	
drop_remainder


handle
V
ExperimentalMapDataset
input_dataset
other_arguments2
Targuments

handle
?
 ExperimentalMatchingFilesDataset
patterns

handleà
g
(ExperimentalMaxIntraOpParallelismDataset
input_dataset
max_intra_op_parallelism	

handle
C
"ExperimentalNonSerializableDataset
input_dataset

handle
Œ
%ExperimentalParallelInterleaveDataset
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	

sloppy

buffer_output_elements	
prefetch_input_elements	

handle
r
ExperimentalParseExampleDataset
input_dataset
num_parallel_calls	
dense_defaults2Tdense

handle
V
$ExperimentalPrivateThreadPoolDataset
input_dataset
num_threads	

handle
?
ExperimentalRandomDataset
seed		
seed2	

handleà
M
ExperimentalRebatchDataset
input_dataset
num_replicas	

handle
p
ExperimentalScanDataset
input_dataset
initial_state2Tstate
other_arguments2
Targuments

handle
|
%ExperimentalSetStatsAggregatorDataset
input_dataset
stats_aggregator
tag
counter_prefix

handleà
Q
ExperimentalSleepDataset
input_dataset
sleep_microseconds	

handle
w
 ExperimentalSlidingWindowDataset
input_dataset
window_size	
window_shift	
window_stride	

handle
Y
ExperimentalSqlDataset
driver_name
data_source_name	
query

handleà
2
!ExperimentalStatsAggregatorHandle

handleà
B
"ExperimentalStatsAggregatorSummary
iterator
summaryà
\
ExperimentalTakeWhileDataset
input_dataset
other_arguments2
Targuments

handle
R
ExperimentalThreadPoolDataset
input_dataset
thread_pool

handleà
-
ExperimentalThreadPoolHandle

handleà
;
ExperimentalUnbatchDataset
input_dataset

handle
:
ExperimentalUniqueDataset
input_dataset

handle

Expint
x"T
y"T

Expm1
x"T
y"T
?
ExtractGlimpse	
input
size
offsets
glimpse
A
ExtractGlimpseV2	
input
size
offsets
glimpse
0
ExtractImagePatches
images"T
patches"T
U
ExtractJpegShape
contents
image_shape"output_type"
output_typetype0
0
ExtractVolumePatches

input"T
patches"T
B
FFT
input"Tcomplex
output"Tcomplex"
Tcomplextype0
D
FFT2D
input"Tcomplex
output"Tcomplex"
Tcomplextype0
D
FFT3D
input"Tcomplex
output"Tcomplex"
Tcomplextype0
^
FFTND
input"Tcomplex

fft_length
axes
output"Tcomplex"
Tcomplextype0

	FIFOQueue
handleÄà

FIFOQueueV2

handleà

Fact
fact

	FakeParam
output"dtype
2
FakeQuantWithMinMaxArgs

inputs
outputs
K
FakeQuantWithMinMaxArgsGradient
	gradients

inputs
	backprops
D
FakeQuantWithMinMaxVars

inputs
min
max
outputs
ì
FakeQuantWithMinMaxVarsGradient
	gradients

inputs
min
max
backprops_wrt_input
backprop_wrt_min
backprop_wrt_max
N
!FakeQuantWithMinMaxVarsPerChannel

inputs
min
max
outputs
ù
)FakeQuantWithMinMaxVarsPerChannelGradient
	gradients

inputs
min
max
backprops_wrt_input
backprop_wrt_min
backprop_wrt_max
+
	FakeQueue
resource
handleÄà
?
FileSystemSetConfiguration

scheme
key	
valueà
K
Fill
dims"
index_type

value"T
output"T"

index_typetype0
=
FilterByLastComponentDataset
input_dataset

output
M
FilterDataset
input_dataset
other_arguments2
Targuments

handle
0
FinalizeDataset
input_dataset

handle
?
FinalizeTPUEmbedding
common_config
memory_configà
s
FinalizeTPUEmbeddingV2
common_config
memory_config
embedding_partitions
hbm_buffers_configà
5
Fingerprint	
data"T

method
fingerprint

FixedLengthRecordDataset
	filenames
header_bytes	
record_bytes	
footer_bytes	
buffer_size	

handleà
ó
FixedLengthRecordDatasetV2
	filenames
header_bytes	
record_bytes	
footer_bytes	
buffer_size	
compression_type

handleà
2
FixedLengthRecordReader
reader_handleÄà
1
FixedLengthRecordReaderV2
reader_handleà
Ä
FixedUnigramCandidateSampler
true_classes	
sampled_candidates	
true_expected_count
sampled_expected_countà
N
FlatMapDataset
input_dataset
other_arguments2
Targuments

handle

Floor
x"T
y"T
"
FloorDiv
x"T
y"T
z"T
"
FloorMod
x"T
y"T
z"T
#
FlushSummaryWriter

writerà
?
For	
start	
limit	
delta

input2T
output2T
`
FractionalAvgPool

value"T
output"T
row_pooling_sequence	
col_pooling_sequence	
à
FractionalAvgPoolGrad
orig_input_tensor_shape	
out_backprop"T
row_pooling_sequence	
col_pooling_sequence	
output"T
`
FractionalMaxPool

value"T
output"T
row_pooling_sequence	
col_pooling_sequence	
é
FractionalMaxPoolGrad

orig_input"T
orig_output"T
out_backprop"T
row_pooling_sequence	
col_pooling_sequence	
output"T


FresnelCos
x"T
y"T


FresnelSin
x"T
y"T
•
FusedBatchNorm
x"T

scale"T
offset"T	
mean"T
variance"T
y"T

batch_mean"T
batch_variance"T
reserve_space_1"T
reserve_space_2"T
Õ
FusedBatchNormGrad

y_backprop"T
x"T

scale"T
reserve_space_1"T
reserve_space_2"T

x_backprop"T
scale_backprop"T
offset_backprop"T
reserve_space_3"T
reserve_space_4"T
Œ
FusedBatchNormGradV2

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_3"U
reserve_space_4"U
‰
FusedBatchNormGradV3

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_4"U
reserve_space_5"U
ß
FusedBatchNormV2
x"T

scale"U
offset"U	
mean"U
variance"U
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
Ω
FusedBatchNormV3
x"T

scale"U
offset"U	
mean"U
variance"U
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U
D
FusedPadConv2D

input"T
paddings
filter"T
output"T
W
FusedResizeAndPadConv2D

input"T
size
paddings
filter"T
output"T
m
GRUBlockCell
x"T
h_prev"T	
w_ru"T
w_c"T	
b_ru"T
b_c"T
r"T
u"T
c"T
h"T
Æ
GRUBlockCellGrad
x"T
h_prev"T	
w_ru"T
w_c"T	
b_ru"T
b_c"T
r"T
u"T
c"T
d_h"T
d_x"T
d_h_prev"T
d_c_bar"T
d_r_bar_u_bar"T
C
Gather
params"Tparams
indices"Tindices
output"Tparams
E
GatherNd
params"Tparams
indices"Tindices
output"Tparams
T
GatherV2
params"Tparams
indices"Tindices
axis"Taxis
output"Tparams
¨
GenerateBoundingBoxProposals

scores
bbox_deltas

image_info
anchors
nms_threshold
pre_nms_topn
min_size
rois
roi_probabilities
`
GenerateVocabRemapping
new_vocab_file
old_vocab_file
	remapping	
num_present
§
GeneratorDataset'
init_func_other_args2Tinit_func_args'
next_func_other_args2Tnext_func_args/
finalize_func_other_args2Tfinalize_func_args

handleà
G
GetElementAtIndex
dataset	
index	

components2output_types
”
%GetMinibatchSplitsWithPhysicalReplica
program_key
row_ids
col_ids	
gains
sorted_row_ids
sorted_col_ids
sorted_gains

splits	
	id_counts
max_ids
max_uniquesà
≤
&GetMinibatchesInCsrWithPhysicalReplica
program_key
row_ids
col_ids	
gains

splits	
	id_counts
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
row_pointers_unpadded_size
ids_unpadded_size,
(num_minibatches_per_physical_sparse_coreà
7

GetOptions
input_dataset
serialized_options
-
GetSessionHandle

value"T

handleà
/
GetSessionHandleV2

value"T

handleà
1
GetSessionTensor

handle
value"dtypeà
¶
&GetStatsFromListOfSparseCoreCooTensors
row_ids_list*N
col_ids_list*N

gains_list*N
max_ids_per_sparse_core"
max_unique_ids_per_sparse_core

GetTpuTaskId
tpu_task_id

GlobalIterId
iter_id	à
a
GlobalShuffleDataset
input_dataset
seed		
seed2	
seed_generator

handleà
 
Greater
x"T
y"T
z

%
GreaterEqual
x"T
y"T
z

ß
GroupByReducerDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments7
init_func_other_arguments2Tinit_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_arguments?
finalize_func_other_arguments2Tfinalize_func_other_arguments

handleà

GroupByWindowDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_argumentsE
 window_size_func_other_arguments2!Twindow_size_func_other_arguments

handle
,
GuaranteeConst

input"T
output"Tà
3
HSVToRGB
images"T
output"T"
Ttype0
#
	HashTable
table_handleÄà
"
HashTableV2
table_handleà
`
HistogramFixedWidth
values"T
value_range"T	
nbins
out"dtype"
dtypetype0
D
HistogramSummary
tag
values"T
summary"
Ttype0

	HostConst
output"dtype
C
IFFT
input"Tcomplex
output"Tcomplex"
Tcomplextype0
E
IFFT2D
input"Tcomplex
output"Tcomplex"
Tcomplextype0
E
IFFT3D
input"Tcomplex
output"Tcomplex"
Tcomplextype0
_
IFFTND
input"Tcomplex

fft_length
axes
output"Tcomplex"
Tcomplextype0
d
IRFFT
input"Tcomplex

fft_length
output"Treal"
Trealtype0"
Tcomplextype0
f
IRFFT2D
input"Tcomplex

fft_length
output"Treal"
Trealtype0"
Tcomplextype0
f
IRFFT3D
input"Tcomplex

fft_length
output"Treal"
Trealtype0"
Tcomplextype0
p
IRFFTND
input"Tcomplex

fft_length
axes
output"Treal"
Trealtype0"
Tcomplextype0
#
Identity

input"T
output"T
$
	IdentityN

input2T
output2T
)
IdentityReader
reader_handleÄà
(
IdentityReaderV2
reader_handleà
4
If
cond"Tcond
input2Tin
output2Toutà
 
Igamma
a"T
x"T
z"T
%
IgammaGradA
a"T
x"T
z"T
!
Igammac
a"T
x"T
z"T
4
IgnoreErrorsDataset
input_dataset

handle
C
Imag

input"T
output"Tout"
Ttype0"
Touttype0
l
ImageProjectiveTransformV2
images"dtype

transforms
output_shape
transformed_images"dtype
|
ImageProjectiveTransformV3
images"dtype

transforms
output_shape

fill_value
transformed_images"dtype
@
ImageSummary
tag
tensor"T
summary"
Ttype0
!
ImmutableConst
tensor"dtype
'
ImportEvent

writer	
eventà
E
InTopK
predictions
targets"T
	precision
"
Ttype0
O
InTopKV2
predictions
targets"T
k"T
	precision
"
Ttype0
¶
IndexFlatMapDataset
input_dataset%
map_func_other_args2Tmap_func_args1
index_map_func_other_args2Tindex_map_func_args
output_cardinality	

handle
#
InfeedDequeue
output"dtypeà
*
InfeedDequeueTuple
outputs2dtypesà
"
InfeedEnqueue
input"dtypeà
-
 InfeedEnqueuePrelinearizedBuffer	
input
)
InfeedEnqueueTuple
inputs2dtypesà
D
InitializeTable
table_handleÄ
keys"Tkey
values"Tval
>
InitializeTableFromDataset
table_handle
datasetà
@
InitializeTableFromTextFile
table_handleÄ
filename
B
InitializeTableFromTextFileV2
table_handle
filenameà
F
InitializeTableV2
table_handle
keys"Tkey
values"Tvalà
+

InplaceAdd
x"T
i
v"T
y"T
+

InplaceSub
x"T
i
v"T
y"T
.
InplaceUpdate
x"T
i
v"T
y"T
u
InterleaveDataset
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	

handle

Inv
x"T
y"T
"
InvGrad
y"T
dy"T
z"T

Invert
x"T
y"T
2
InvertPermutation
x"T
y"T"
Ttype0
T
!IsBoostedTreesEnsembleInitialized
tree_ensemble_handle
is_initialized
à
m
/IsBoostedTreesQuantileStreamResourceInitialized#
quantile_stream_resource_handle
is_initialized
à

IsFinite
x"T
y


IsInf
x"T
y


IsNan
x"T
y

@
IsTPUEmbeddingInitialized 
is_tpu_embedding_initialized
à
<
IsVariableInitialized
ref"dtypeÄ
is_initialized

`
IsotonicRegression

input"T
output"output_dtype
segments"
output_dtypetype0

Iterator

handleà
E
IteratorFromStringHandle
string_handle
resource_handleà
G
IteratorFromStringHandleV2
string_handle
resource_handleà
0
IteratorGetDevice
resource

deviceà
9
IteratorGetModelProto
iterator
model_protoà
>
IteratorGetNext
iterator

components2output_typesà
:
IteratorGetNextAsOptional
iterator
optionalà
B
IteratorGetNextSync
iterator

components2output_typesà
C
IteratorToStringHandle
resource_handle
string_handleà


IteratorV2

handleà
=
KMC2ChainInitialization
	distances
seed		
index	
p
KmeansPlusPlusInitialization

points
num_to_sample	
seed	
num_retries_per_sample	
samples
*
KthOrderStatistic	
input

output

L2Loss
t"T
output"T
+
LMDBDataset
	filenames

handleà
%

LMDBReader
reader_handleÄà
-
LRN

input"T
output"T"
Ttype0
\
LRNGrad
input_grads"T
input_image"T
output_image"T
output"T"
Ttype0
õ
LSTMBlockCell
x"T
cs_prev"T
h_prev"T
w"T
wci"T
wcf"T
wco"T
b"T
i"T
cs"T
f"T
o"T
ci"T
co"T
h"T
˛
LSTMBlockCellGrad
x"T
cs_prev"T
h_prev"T
w"T
wci"T
wcf"T
wco"T
b"T
i"T
cs"T
f"T
o"T
ci"T
co"T
cs_grad"T
h_grad"T
cs_prev_grad"T

dicfo"T
wci_grad"T
wcf_grad"T
wco_grad"T
=
LatencyStatsDataset
input_dataset
tag

handle
;
	LeakyRelu
features"T
activations"T"
Ttype0
M
LeakyReluGrad
	gradients"T
features"T
	backprops"T"
Ttype0
Ç
LearnedUnigramCandidateSampler
true_classes	
sampled_candidates	
true_expected_count
sampled_expected_countà
#
	LeftShift
x"T
y"T
z"T
æ
!LegacyParallelInterleaveDatasetV2
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	
buffer_output_elements	
prefetch_input_elements	

handle

Less
x"T
y"T
z

"
	LessEqual
x"T
y"T
z


Lgamma
x"T
y"T
M
LinSpace

start"T	
stop"T
num"Tidx
output"T"
Tidxtype0
5
ListDataset
tensors2Tinput_types

handleà
I
ListDiff
x"T
y"T
out"T
idx"out_idx"
out_idxtype0
=
ListSnapshotChunksDataset
snapshot_path

handleà
˙
LoadAllTPUEmbeddingParameters

parameters*	NumTables

auxiliary1*	NumTables

auxiliary2*	NumTables

auxiliary3*	NumTables

auxiliary4*	NumTables

auxiliary5*	NumTables

auxiliary6*	NumTables

auxiliary7*	NumTablesà
ç
LoadAndRemapMatrix
	ckpt_path
old_tensor_name
row_remapping	
col_remapping	
initializing_values
output_matrixà
S
LoadDataset
path+
reader_func_other_args2Treader_func_args

handleà
P
LoadTPUEmbeddingADAMParameters

parameters
momenta

velocitiesà
V
"LoadTPUEmbeddingAdadeltaParameters

parameters
accumulators
updatesà
]
)LoadTPUEmbeddingAdagradMomentumParameters

parameters
accumulators
momentaà
H
!LoadTPUEmbeddingAdagradParameters

parameters
accumulatorsà
W
)LoadTPUEmbeddingCenteredRMSPropParameters

parameters
ms
mom
mgà
R
LoadTPUEmbeddingFTRLParameters

parameters
accumulators
linearsà
T
,LoadTPUEmbeddingFrequencyEstimatorParameters

parameters
last_hit_stepà
k
)LoadTPUEmbeddingMDLAdagradLightParameters

parameters
accumulators
weights
benefitsà
D
"LoadTPUEmbeddingMomentumParameters

parameters
momentaà
P
)LoadTPUEmbeddingProximalAdagradParameters

parameters
accumulatorsà
I
&LoadTPUEmbeddingProximalYogiParameters

parameters
v
mà
G
!LoadTPUEmbeddingRMSPropParameters

parameters
ms
momà
H
3LoadTPUEmbeddingStochasticGradientDescentParameters

parametersà

Log
x"T
y"T

Log1p
x"T
y"T
G
LogMatrixDeterminant

input"T	
sign"T
log_abs_determinant"T
*

LogSoftmax
logits"T

logsoftmax"T
~
LogUniformCandidateSampler
true_classes	
sampled_candidates	
true_expected_count
sampled_expected_countà
!

LogicalAnd
x

y

z



LogicalNot
x

y

 
	LogicalOr
x

y

z

J
LookupTableExport
table_handleÄ
keys"Tkeys
values"Tvalues
L
LookupTableExportV2
table_handle
keys"Tkeys
values"Tvaluesà
Z
LookupTableFind
table_handleÄ
keys"Tin
default_value"Tout
values"Tout
\
LookupTableFindV2
table_handle
keys"Tin
default_value"Tout
values"Toutà
E
LookupTableImport
table_handleÄ
keys"Tin
values"Tout
G
LookupTableImportV2
table_handle
keys"Tin
values"Toutà
E
LookupTableInsert
table_handleÄ
keys"Tin
values"Tout
G
LookupTableInsertV2
table_handle
keys"Tin
values"Toutà
7
LookupTableRemoveV2
table_handle
keys"Tinà
0
LookupTableSize
table_handleÄ
size	
2
LookupTableSizeV2
table_handle
size	à
!
LoopCond	
input


output

W

LowerBound
sorted_inputs"T
values"T
output"out_type"
out_typetype0
L
Lu

input"T
lu"T
p"output_idx_type"
output_idx_typetype0
,
MakeIterator
dataset
iteratorà
#

MakeUnique	
input

output
é
MapAndBatchDataset
input_dataset
other_arguments2
Targuments

batch_size	
num_parallel_calls	
drop_remainder


handle

MapClearà
J

MapDataset
input_dataset
other_arguments2
Targuments

handle
Y
MapDefun
	arguments2
Targuments
captured_inputs2	Tcaptured
output2output_types
 
MapIncompleteSize
sizeà
4
MapPeek
key	
indices
values2dtypesà

MapSize
sizeà
:
MapStage
key	
indices
values2fake_dtypesà
7

MapUnstage
key	
indices
values2dtypesà
<
MapUnstageNoKey
indices
key	
values2dtypesà
&
MatMul
a"T
b"T
product"T
+
MatchingFiles
pattern
	filenames
3
MatchingFilesDataset
patterns

handleà
e
MatrixBandPart

input"T
	num_lower"Tindex
	num_upper"Tindex	
band"T"
Tindextype0	
,
MatrixDeterminant

input"T
output"T
(

MatrixDiag
diagonal"T
output"T
+
MatrixDiagPart

input"T
diagonal"T
H
MatrixDiagPartV2

input"T
k
padding_value"T
diagonal"T
H
MatrixDiagPartV3

input"T
k
padding_value"T
diagonal"T
a
MatrixDiagV2
diagonal"T
k
num_rows
num_cols
padding_value"T
output"T
a
MatrixDiagV3
diagonal"T
k
num_rows
num_cols
padding_value"T
output"T
,
MatrixExponential

input"T
output"T
(
MatrixInverse

input"T
output"T
*
MatrixLogarithm

input"T
output"T
7
MatrixSetDiag

input"T
diagonal"T
output"T
@
MatrixSetDiagV2

input"T
diagonal"T
k
output"T
@
MatrixSetDiagV3

input"T
diagonal"T
k
output"T
1
MatrixSolve
matrix"T
rhs"T
output"T
G
MatrixSolveLs
matrix"T
rhs"T
l2_regularizer
output"T
+
MatrixSquareRoot

input"T
output"T
;
MatrixTriangularSolve
matrix"T
rhs"T
output"T
K
Max

input"T
reduction_indices"Tidx
output"T"
Tidxtype0
[
MaxIntraOpParallelismDataset
input_dataset
max_intra_op_parallelism	

handle
1
MaxPool

input"T
output"T"
Ttype0
$
	MaxPool3D

input"T
output"T
w
MaxPool3DGrad

orig_input"TInput
orig_output"TInput	
grad"T
output"T"
Ttype0"
TInputtype0
N
MaxPool3DGradGrad

orig_input"T
orig_output"T	
grad"T
output"T
W
MaxPoolGrad

orig_input"T
orig_output"T	
grad"T
output"T"
Ttype0
L
MaxPoolGradGrad

orig_input"T
orig_output"T	
grad"T
output"T
f
MaxPoolGradGradV2

orig_input"T
orig_output"T	
grad"T	
ksize
strides
output"T
R
MaxPoolGradGradWithArgmax

input"T	
grad"T
argmax"Targmax
output"T
q
MaxPoolGradV2

orig_input"T
orig_output"T	
grad"T	
ksize
strides
output"T"
Ttype0
N
MaxPoolGradWithArgmax

input"T	
grad"T
argmax"Targmax
output"T
K
	MaxPoolV2

input"T	
ksize
strides
output"T"
Ttype0
T
MaxPoolWithArgmax

input"T
output"T
argmax"Targmax"
Targmaxtype0	
!
Maximum
x"T
y"T
z"T
L
Mean

input"T
reduction_indices"Tidx
output"T"
Tidxtype0
5
Merge
inputs"T*N
output"T
value_index
X
MergeDedupData
integer_tensor"integer_type
float_tensor"
float_type

output
*
MergeSummary
inputs*N
summary
H
MergeV2Checkpoints
checkpoint_prefixes
destination_prefixà
4
Mfcc
spectrogram
sample_rate

output
K
Min

input"T
reduction_indices"Tidx
output"T"
Tidxtype0
!
Minimum
x"T
y"T
z"T
R
	MirrorPad

input"T
paddings"	Tpaddings
output"T"
	Tpaddingstype0
V
MirrorPadGrad

input"T
paddings"	Tpaddings
output"T"
	Tpaddingstype0
;
MlirPassthroughOp
inputs2Tinputs
outputs2Toutputs

Mod
x"T
y"T
z"T
-
ModelDataset
input_dataset

handle

Mul
x"T
y"T
z"T
"
MulNoNan
x"T
y"T
z"T
$
MultiDeviceIterator

handleà
V
#MultiDeviceIteratorFromStringHandle
string_handle
multi_device_iteratorà
Ç
#MultiDeviceIteratorGetNextFromShard
multi_device_iterator
	shard_num
incarnation_id	

components2output_typesà
m
MultiDeviceIteratorInit
dataset
multi_device_iterator
max_buffer_size	
incarnation_id	à
T
!MultiDeviceIteratorToStringHandle
multi_device_iterator
string_handleà
`
Multinomial
logits"T
num_samples
output"output_dtype"
output_dtypetype0	à
G
MutableDenseHashTable
	empty_key"	key_dtype
table_handleÄà
`
MutableDenseHashTableV2
	empty_key"	key_dtype
deleted_key"	key_dtype
table_handleà
*
MutableHashTable
table_handleÄà
3
MutableHashTableOfTensors
table_handleÄà
2
MutableHashTableOfTensorsV2
table_handleà
)
MutableHashTableV2
table_handleà
)
	MutexLock	
mutex

mutex_lockà

MutexV2
resourceà
)
NcclAllReduce

input"T	
data"Tà
+
NcclBroadcast

input"T
output"Tà
3

NcclReduce
input"T*num_devices	
data"Tà

Ndtri
x"T
y"T
l
NearestNeighbors

points
centers
k	
nearest_center_indices	
nearest_center_distances

Neg
x"T
y"T
J
NegTrain
w_inÄ
w_outÄ
examples

labels
lrà
9
	NextAfter
x1"T
x2"T
output"T"
Ttype0
'
NextIteration	
data"T
output"T

NoOp
l
NonDeterministicInts
shape"shape_dtype
output"dtype"
dtypetype0	"
shape_dtypetype0	à
U
NonMaxSuppression	
boxes

scores
max_output_size
selected_indices
ü
NonMaxSuppressionV2

boxes"T
scores"T
max_output_size
iou_threshold"T_threshold
selected_indices"
Ttype0"
T_thresholdtype0
ø
NonMaxSuppressionV3

boxes"T
scores"T
max_output_size
iou_threshold"T_threshold
score_threshold"T_threshold
selected_indices"
Ttype0"
T_thresholdtype0
“
NonMaxSuppressionV4

boxes"T
scores"T
max_output_size
iou_threshold"T_threshold
score_threshold"T_threshold
selected_indices
valid_outputs"
Ttype0"
T_thresholdtype0
–
NonMaxSuppressionV5

boxes"T
scores"T
max_output_size
iou_threshold"T
score_threshold"T
soft_nms_sigma"T
selected_indices
selected_scores"T
valid_outputs"
Ttype0
ê
NonMaxSuppressionWithOverlaps
overlaps

scores
max_output_size
overlap_threshold
score_threshold
selected_indices
7
NonSerializableDataset
input_dataset

handle
!
NotEqual
x"T
y"T
z

,

NthElement

input"T
n
values"T
^
OneHot
indices"TI	
depth
on_value"T
	off_value"T
output"T"
TItype0	
 
OneShotIterator

handleà

OnesLike
x"T
y"T
C
OptimizeDataset
input_dataset
optimizations

handle
Ñ
OptimizeDatasetV2
input_dataset
optimizations_enabled
optimizations_disabled
optimizations_default

handle
>
OptionalFromValue

components2Toutput_types
optional
<
OptionalGetValue
optional

components2output_types
/
OptionalHasValue
optional
	has_value


OptionalNone
optional
/
OptionsDataset
input_dataset

handle

OrderedMapClearà
'
OrderedMapIncompleteSize
sizeà
;
OrderedMapPeek
key	
indices
values2dtypesà

OrderedMapSize
sizeà
A
OrderedMapStage
key	
indices
values2fake_dtypesà
>
OrderedMapUnstage
key	
indices
values2dtypesà
C
OrderedMapUnstageNoKey
indices
key	
values2dtypesà
$
OutfeedDequeue
output"dtypeà
+
OutfeedDequeueTuple
outputs2dtypesà
A
OutfeedDequeueTupleV2
device_ordinal
outputs2dtypesà
:
OutfeedDequeueV2
device_ordinal
output"dtypeà
#
OutfeedEnqueue
input"dtypeà
*
OutfeedEnqueueTuple
inputs2dtypesà
#
Pack
values"T*N
output"T
L
Pad

input"T
paddings"	Tpaddings
output"T"
	Tpaddingstype0
d
PadV2

input"T
paddings"	Tpaddings
constant_values"T
output"T"
	Tpaddingstype0
z
PaddedBatchDataset
input_dataset

batch_size	
padded_shapes	*N
padding_values2Toutput_types

handle
ê
PaddedBatchDatasetV2
input_dataset

batch_size	
padded_shapes	*N
padding_values2Toutput_types
drop_remainder


handle
$
PaddingFIFOQueue
handleÄà
#
PaddingFIFOQueueV2

handleà
q
ParallelBatchDataset
input_dataset

batch_size	
num_parallel_calls	
drop_remainder


handle
-
ParallelConcat
values"T*N
output"T
B
ParallelDynamicStitch
indices*N
data"T*N
merged"T
m
ParallelFilterDataset
input_dataset
other_arguments2
Targuments
num_parallel_calls	

handle
¬
ParallelInterleaveDataset
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	

sloppy

buffer_output_elements	
prefetch_input_elements	

handle
ó
ParallelInterleaveDatasetV2
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	
num_parallel_calls	

handle
ó
ParallelInterleaveDatasetV3
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	
num_parallel_calls	

handle
–
ParallelInterleaveDatasetV4
input_dataset
other_arguments2
Targuments
cycle_length	
block_length	
buffer_output_elements	
prefetch_input_elements	
num_parallel_calls	

handle
j
ParallelMapDataset
input_dataset
other_arguments2
Targuments
num_parallel_calls

handle
l
ParallelMapDatasetV2
input_dataset
other_arguments2
Targuments
num_parallel_calls	

handle
É
ParameterizedTruncatedNormal

shape"T
means"dtype
stdevs"dtype
minvals"dtype
maxvals"dtype
output"dtypeà
Â
ParseExample

serialized	
names
sparse_keys*Nsparse

dense_keys*Ndense
dense_defaults2Tdense
sparse_indices	*Nsparse
sparse_values2sparse_types
sparse_shapes	*Nsparse
dense_values2Tdense
f
ParseExampleDataset
input_dataset
num_parallel_calls	
dense_defaults2Tdense

handle
h
ParseExampleDatasetV2
input_dataset
num_parallel_calls	
dense_defaults2Tdense

handle
ª
ParseExampleV2

serialized	
names
sparse_keys

dense_keys
ragged_keys
dense_defaults2Tdense
sparse_indices	*
num_sparse
sparse_values2sparse_types
sparse_shapes	*
num_sparse
dense_values2Tdense#
ragged_values2ragged_value_types'
ragged_row_splits2ragged_split_types
¢
ParseSequenceExample

serialized

debug_name(
context_dense_defaults2Tcontext_dense+
context_sparse_indices	*Ncontext_sparse-
context_sparse_values2context_sparse_types*
context_sparse_shapes	*Ncontext_sparse&
context_dense_values2Tcontext_dense5
feature_list_sparse_indices	*Nfeature_list_sparse7
feature_list_sparse_values2feature_list_sparse_types4
feature_list_sparse_shapes	*Nfeature_list_sparse5
feature_list_dense_values2feature_list_dense_types3
feature_list_dense_lengths	*Nfeature_list_dense
¨
ParseSequenceExampleV2

serialized

debug_name
context_sparse_keys
context_dense_keys
context_ragged_keys
feature_list_sparse_keys
feature_list_dense_keys
feature_list_ragged_keys,
(feature_list_dense_missing_assumed_empty
(
context_dense_defaults2Tcontext_dense+
context_sparse_indices	*Ncontext_sparse-
context_sparse_values2context_sparse_types*
context_sparse_shapes	*Ncontext_sparse&
context_dense_values2Tcontext_dense3
context_ragged_values2context_ragged_value_types7
context_ragged_row_splits2context_ragged_split_types5
feature_list_sparse_indices	*Nfeature_list_sparse7
feature_list_sparse_values2feature_list_sparse_types4
feature_list_sparse_shapes	*Nfeature_list_sparse5
feature_list_dense_values2feature_list_dense_types3
feature_list_dense_lengths	*Nfeature_list_dense=
feature_list_ragged_values2feature_list_ragged_value_typesC
 feature_list_ragged_outer_splits2feature_list_ragged_split_typesC
 feature_list_ragged_inner_splits2feature_list_ragged_split_types
¥
ParseSingleExample

serialized
dense_defaults2Tdense
sparse_indices	*
num_sparse
sparse_values2sparse_types
sparse_shapes	*
num_sparse
dense_values2Tdense
Ÿ
ParseSingleSequenceExample

serialized,
(feature_list_dense_missing_assumed_empty(
context_sparse_keys*Ncontext_sparse&
context_dense_keys*Ncontext_dense2
feature_list_sparse_keys*Nfeature_list_sparse0
feature_list_dense_keys*Nfeature_list_dense(
context_dense_defaults2Tcontext_dense

debug_name+
context_sparse_indices	*Ncontext_sparse-
context_sparse_values2context_sparse_types*
context_sparse_shapes	*Ncontext_sparse&
context_dense_values2Tcontext_dense5
feature_list_sparse_indices	*Nfeature_list_sparse7
feature_list_sparse_values2feature_list_sparse_types4
feature_list_sparse_shapes	*Nfeature_list_sparse5
feature_list_dense_values2feature_list_dense_types
1
ParseTensor

serialized
output"out_type
.
PartitionedCall
args2Tin
output2Tout

Placeholder
output"dtype
 
PlaceholderV2
output"dtype
9
PlaceholderWithDefault
input"dtype
output"dtype
#
	Polygamma
a"T
x"T
z"T
 
PopulationCount
x"T
y

Pow
x"T
y"T
z"T
A
PrefetchDataset
input_dataset
buffer_size	

handle
*
Prelinearize
input"dtype

output
1
PrelinearizeTuple
inputs2dtypes

output
*
PreventGradient

input"T
output"T
.
Print

input"T	
data2U
output"Tà

PrintV2	
inputà
!
PriorityQueue
handleÄà
 
PriorityQueueV2

handleà
J
PrivateThreadPoolDataset
input_dataset
num_threads	

handle
L
Prod

input"T
reduction_indices"Tidx
output"T"
Tidxtype0
)
PyFunc
input2Tin
output2Toutà
/
PyFuncStateless
input2Tin
output2Tout
 
Qr

input"T
q"T
r"T
0
QuantizeAndDequantize

input"T
output"T
R
QuantizeAndDequantizeV2

input"T
	input_min"T
	input_max"T
output"T
`
QuantizeAndDequantizeV3

input"T
	input_min"T
	input_max"T
num_bits
output"T
R
QuantizeAndDequantizeV4

input"T
	input_min"T
	input_max"T
output"T
†
QuantizeAndDequantizeV4Grad
	gradients"T

input"T
	input_min"T
	input_max"T
input_backprop"T
input_min_backprop"T
input_max_backprop"T

QuantizeDownAndShrinkRange
input"Tinput
	input_min
	input_max
output"out_type

output_min

output_max
b

QuantizeV2	
input
	min_range
	max_range
output"T

output_min

output_max
Ö
QuantizedAdd
x"T1
y"T2	
min_x	
max_x	
min_y	
max_y
z"Toutput	
min_z	
max_z"
Toutputtype0
i
QuantizedAvgPool

input"T
	min_input
	max_input
output"T

min_output

max_output
£
)QuantizedBatchNormWithGlobalNormalization
t"Tinput	
t_min	
t_max
m"Tinput	
m_min	
m_max
v"Tinput	
v_min	
v_max
beta"Tinput
beta_min
beta_max
gamma"Tinput
	gamma_min
	gamma_max
result"out_type

result_min

result_max
ì
QuantizedBiasAdd
input"T1

bias"T2
	min_input
	max_input
min_bias
max_bias
output"out_type
min_out
max_out
Ö
QuantizedConcat

concat_dim
values"T*N

input_mins*N
input_maxes*N
output"T

output_min

output_max
ó
QuantizedConcatV2
values"T*N
axis"Tidx

input_mins*N
input_maxes*N
output"T

output_min

output_max"
Tidxtype0
Ω
QuantizedConv2D
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
ƒ
QuantizedConv2DAndRelu
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
Å
#QuantizedConv2DAndReluAndRequantize
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
˙
QuantizedConv2DAndRequantize
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
«
QuantizedConv2DPerChannel
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
œ
QuantizedConv2DWithBias
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
÷
QuantizedConv2DWithBiasAndRelu
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
ò
+QuantizedConv2DWithBiasAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
ë
$QuantizedConv2DWithBiasAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
ÿ
4QuantizedConv2DWithBiasSignedSumAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
summand"Tsummand
min_summand
max_summand
output"out_type

min_output

max_output"
out_typetype0
Ê
!QuantizedConv2DWithBiasSumAndRelu
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
summand
output"out_type

min_output

max_output"
out_typetype0
“
.QuantizedConv2DWithBiasSumAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
summand"Tsummand
min_summand
max_summand
output"out_type

min_output

max_output"
out_typetype0
∆
QuantizedDepthwiseConv2D
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
ÿ
 QuantizedDepthwiseConv2DWithBias
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
ﬂ
'QuantizedDepthwiseConv2DWithBiasAndRelu
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
°
4QuantizedDepthwiseConv2DWithBiasAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
S
QuantizedInstanceNorm
x"T	
x_min	
x_max
y"T	
y_min	
y_max
ß
QuantizedMatMul
a"T1
b"T2	
min_a	
max_a	
min_b	
max_b
out"Toutput
min_out
max_out"
Toutputtype0"
Tactivationtype0
•
QuantizedMatMulWithBias
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
out"Toutput
min_out
max_out"
Toutputtype0
≥
$QuantizedMatMulWithBiasAndDequantize
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
min_freezed_output
max_freezed_output
out"Toutput
ß
QuantizedMatMulWithBiasAndRelu
a"T1
b"T2
bias	
min_a	
max_a	
min_b	
max_b
out"Toutput
min_out
max_out"
Toutputtype0
È
+QuantizedMatMulWithBiasAndReluAndRequantize
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
min_freezed_output
max_freezed_output
out"Toutput
min_out
max_out"
Toutputtype0
‚
$QuantizedMatMulWithBiasAndRequantize
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
min_freezed_output
max_freezed_output
out"Toutput
min_out
max_out"
Toutputtype0
i
QuantizedMaxPool

input"T
	min_input
	max_input
output"T

min_output

max_output
Ö
QuantizedMul
x"T1
y"T2	
min_x	
max_x	
min_y	
max_y
z"Toutput	
min_z	
max_z"
Toutputtype0
†
QuantizedRelu
features"Tinput
min_features
max_features
activations"out_type
min_activations
max_activations"
out_typetype0
°
QuantizedRelu6
features"Tinput
min_features
max_features
activations"out_type
min_activations
max_activations"
out_typetype0
∞
QuantizedReluX
features"Tinput
	max_value
min_features
max_features
activations"out_type
min_activations
max_activations"
out_typetype0
è
QuantizedReshape
tensor"T
shape"Tshape
	input_min
	input_max
output"T

output_min

output_max"
Tshapetype0
q
QuantizedResizeBilinear
images"T
size
min
max
resized_images"T
out_min
out_max


QueueClose
handleÄ

QueueCloseV2

handleà
<
QueueDequeue
handleÄ

components2component_types
G
QueueDequeueMany
handleÄ
n

components2component_types
I
QueueDequeueManyV2

handle
n

components2component_typesà
G
QueueDequeueUpTo
handleÄ
n

components2component_types
I
QueueDequeueUpToV2

handle
n

components2component_typesà
>
QueueDequeueV2

handle

components2component_typesà
8
QueueEnqueue
handleÄ

components2Tcomponents
<
QueueEnqueueMany
handleÄ

components2Tcomponents
>
QueueEnqueueManyV2

handle

components2Tcomponentsà
:
QueueEnqueueV2

handle

components2Tcomponentsà
-
QueueIsClosed
handleÄ
	is_closed

/
QueueIsClosedV2

handle
	is_closed
à
$
	QueueSize
handleÄ
size
&
QueueSizeV2

handle
sizeà
c
RFFT
input"Treal

fft_length
output"Tcomplex"
Trealtype0"
Tcomplextype0
e
RFFT2D
input"Treal

fft_length
output"Tcomplex"
Trealtype0"
Tcomplextype0
e
RFFT3D
input"Treal

fft_length
output"Tcomplex"
Trealtype0"
Tcomplextype0
o
RFFTND
input"Treal

fft_length
axes
output"Tcomplex"
Trealtype0"
Tcomplextype0
3
RGBToHSV
images"T
output"T"
Ttype0
U
RaggedBincount

splits	
values"Tidx
size"Tidx
weights"T
output"T
î
RaggedCountSparseOutput

splits	
values"T
weights"output_type
output_indices	
output_values"output_type
output_dense_shape	
§
RaggedCross$
ragged_values2ragged_values_types(
ragged_row_splits2ragged_splits_types
sparse_indices	*Nsparse$
sparse_values2sparse_values_types
sparse_shape	*Nsparse
dense_inputs2dense_types 
output_values"out_values_type(
output_row_splits"out_row_splits_type
∞
RaggedFillEmptyRows
value_rowids	
values"T	
nrows	
default_value"T
output_value_rowids	
output_values"T
empty_row_indicator

reverse_index_map	
g
RaggedFillEmptyRowsGrad
reverse_index_map	
grad_values"T
d_values"T
d_default_value"T
‚
RaggedGather3
params_nested_splits"Tsplits*PARAMS_RAGGED_RANK
params_dense_values"Tvalues
indices"Tindices3
output_nested_splits"Tsplits*OUTPUT_RAGGED_RANK
output_dense_values"Tvalues"
Tsplitstype0	
ã
RaggedRange
starts"T
limits"T
deltas"T
rt_nested_splits"Tsplits
rt_dense_values"T"
Ttype0"
Tsplitstype0	
ó
RaggedTensorFromVariant
encoded_ragged3
output_nested_splits"Tsplits*output_ragged_rank
output_dense_values"Tvalues"
Tsplitstype0	
´
RaggedTensorToSparse(
rt_nested_splits"Tsplits*RAGGED_RANK
rt_dense_values"T
sparse_indices	
sparse_values"T
sparse_dense_shape	"
Tsplitstype0	
ë
RaggedTensorToTensor
shape"Tshape
values"T
default_value"T:
row_partition_tensors"Tindex*num_row_partition_tensors
result"T
Ü
RaggedTensorToVariant(
rt_nested_splits"Tsplits*RAGGED_RANK
rt_dense_values"Tvalues
encoded_ragged"
Tsplitstype0	
ö
RaggedTensorToVariantGradient
encoded_ragged_grad

row_splits"Tsplits
dense_values_shape
dense_values_grad"Tvalues"
Tsplitstype0	
2

RandomCrop

image"T
size	
output"Tà
3
RandomDataset
seed		
seed2	

handleà
I
RandomDatasetV2
seed		
seed2	
seed_generator

handleà
5
RandomGamma

shape"S

alpha"T
output"Tà
7
RandomGammaGrad

alpha"T
sample"T
output"T
X
RandomIndexShuffle
index"dtype
seed"Tseed
	max_index"dtype
output"dtype
>
RandomPoisson

shape"S
rate"dtype
output"dtypeà
^
RandomPoissonV2

shape"S	
rate"R
output"dtype"
Rtype0"
dtypetype0	à
+
RandomShuffle

value"T
output"Tà
&
RandomShuffleQueue
handleÄà
%
RandomShuffleQueueV2

handleà
6
RandomStandardNormal

shape"T
output"dtypeà
/
RandomUniform

shape"T
output"dtypeà
Q
RandomUniformInt

shape"T
minval"Tout
maxval"Tout
output"Toutà
V
Range
start"Tidx
limit"Tidx
delta"Tidx
output"Tidx"
Tidxtype0
<
RangeDataset	
start	
stop	
step	

handleà

Rank

input"T

output
&
ReadFile
filename
contents
1
ReadVariableOp
resource
value"dtypeà
:
ReadVariableXlaSplitND
resource
outputs"T*Nà
F
ReaderNumRecordsProduced
reader_handleÄ
records_produced	
H
ReaderNumRecordsProducedV2
reader_handle
records_produced	à
H
ReaderNumWorkUnitsCompleted
reader_handleÄ
units_completed	
J
ReaderNumWorkUnitsCompletedV2
reader_handle
units_completed	à
K

ReaderRead
reader_handleÄ
queue_handleÄ
key	
value
b
ReaderReadUpTo
reader_handleÄ
queue_handleÄ
num_records	
keys

values
a
ReaderReadUpToV2
reader_handle
queue_handle
num_records	
keys

valuesà
J
ReaderReadV2
reader_handle
queue_handle
key	
valueà
#
ReaderReset
reader_handleÄ
%
ReaderResetV2
reader_handleà
5
ReaderRestoreState
reader_handleÄ	
state
7
ReaderRestoreStateV2
reader_handle	
stateà
7
ReaderSerializeState
reader_handleÄ	
state
9
ReaderSerializeStateV2
reader_handle	
stateà
C
Real

input"T
output"Tout"
Ttype0"
Touttype0
!
RealDiv
x"T
y"T
z"T
A
RebatchDataset
input_dataset
num_replicas	

handle
V
RebatchDatasetV2
input_dataset
batch_sizes	
drop_remainder


handle


Reciprocal
x"T
y"T
)
ReciprocalGrad
y"T
dy"T
z"T

RecordInput
recordsà
 
Recv
tensor"tensor_typeà
:
RecvTPUEmbeddingActivations
outputs*num_outputsà
y
ReduceDataset
input_dataset
initial_state2Tstate
other_arguments2
Targuments

components2output_typesà
;

ReduceJoin

inputs
reduction_indices

output
(
RefEnter
data"TÄ
output"TÄ
'
RefExit
data"TÄ
output"TÄ
,
RefIdentity
input"TÄ
output"TÄ
>
RefMerge
inputs"T*NÄ
output"TÄ
value_index
0
RefNextIteration
data"TÄ
output"TÄ
9
	RefSelect	
index
inputs"T*NÄ
output"TÄ
N
	RefSwitch
data"TÄ
pred

output_false"TÄ
output_true"TÄ
4
RegexFullMatch	
input
pattern

output

?
RegexReplace	
input
pattern
rewrite

output
I
RegisterDataset
dataset
address
protocol

dataset_id	
K
RegisterDatasetV2
dataset
address
protocol

dataset_id
#
Relayout

input"T
output"T
:
RelayoutLike

input"T
layout_input"U
output"T
'
Relu
features"T
activations"T
(
Relu6
features"T
activations"T
:
	Relu6Grad
	gradients"T
features"T
	backprops"T
9
ReluGrad
	gradients"T
features"T
	backprops"T
8

RemoteCall

target
args2Tin
output2Toutà
9
RepeatDataset
input_dataset	
count	

handle
d
RequantizationRange
input"Tinput
	input_min
	input_max

output_min

output_max
x
RequantizationRangePerChannel

input"T
	input_min
	input_max

output_min

output_max"
Ttype0
£

Requantize
input"Tinput
	input_min
	input_max
requested_output_min
requested_output_max
output"out_type

output_min

output_max
Õ
RequantizePerChannel

input"T
	input_min
	input_max
requested_output_min
requested_output_max
output"out_type

output_min

output_max"
Ttype0"
out_typetype0
H
Reshape
tensor"T
shape"Tshape
output"T"
Tshapetype0
7

ResizeArea
images"T
size
resized_images
:
ResizeBicubic
images"T
size
resized_images
@
ResizeBicubicGrad	
grads
original_image"T
output"T
;
ResizeBilinear
images"T
size
resized_images
A
ResizeBilinearGrad	
grads
original_image"T
output"T
C
ResizeNearestNeighbor
images"T
size
resized_images"T
>
ResizeNearestNeighborGrad

grads"T
size
output"T
T
 ResourceAccumulatorApplyGradient

handle

local_step	
gradient"dtypeà
G
!ResourceAccumulatorNumAccumulated

handle
num_accumulatedà
F
 ResourceAccumulatorSetGlobalStep

handle
new_global_step	à
T
ResourceAccumulatorTakeGradient

handle
num_required
average"dtypeà
{
ResourceApplyAdaMax
var
m
v
beta1_power"T
lr"T

beta1"T

beta2"T
epsilon"T	
grad"Tà
l
ResourceApplyAdadelta
var	
accum
accum_update
lr"T
rho"T
epsilon"T	
grad"Tà
A
ResourceApplyAdagrad
var	
accum
lr"T	
grad"Tà
ó
ResourceApplyAdagradDA
var
gradient_accumulator 
gradient_squared_accumulator	
grad"T
lr"T
l1"T
l2"T
global_step	à
Q
ResourceApplyAdagradV2
var	
accum
lr"T
epsilon"T	
grad"Tà
ã
ResourceApplyAdam
var
m
v
beta1_power"T
beta2_power"T
lr"T

beta1"T

beta2"T
epsilon"T	
grad"Tà
†
ResourceApplyAdamWithAmsgrad
var
m
v
vhat
beta1_power"T
beta2_power"T
lr"T

beta1"T

beta2"T
epsilon"T	
grad"Tà
e
ResourceApplyAddSign
var
m
lr"T

alpha"T

sign_decay"T	
beta"T	
grad"Tà
~
ResourceApplyCenteredRMSProp
var
mg
ms
mom
lr"T
rho"T
momentum"T
epsilon"T	
grad"Tà
k
ResourceApplyFtrl
var	
accum

linear	
grad"T
lr"T
l1"T
l2"T
lr_power"Tà
Ä
ResourceApplyFtrlV2
var	
accum

linear	
grad"T
lr"T
l1"T
l2"T
l2_shrinkage"T
lr_power"Tà
B
ResourceApplyGradientDescent
var

alpha"T

delta"Tà
V
ResourceApplyKerasMomentum
var	
accum
lr"T	
grad"T
momentum"Tà
Q
ResourceApplyMomentum
var	
accum
lr"T	
grad"T
momentum"Tà
i
ResourceApplyPowerSign
var
m
lr"T
logbase"T

sign_decay"T	
beta"T	
grad"Tà
[
ResourceApplyProximalAdagrad
var	
accum
lr"T
l1"T
l2"T	
grad"Tà
\
$ResourceApplyProximalGradientDescent
var

alpha"T
l1"T
l2"T

delta"Tà
n
ResourceApplyRMSProp
var
ms
mom
lr"T
rho"T
momentum"T
epsilon"T	
grad"Tà
/
ResourceConditionalAccumulator

handleà
1
ResourceCountUpTo
resource
output"Tà
G
ResourceGather
resource
indices"Tindices
output"dtypeà
I
ResourceGatherNd
resource
indices"Tindices
output"dtypeà
L
ResourceScatterAdd
resource
indices"Tindices
updates"dtypeà
L
ResourceScatterDiv
resource
indices"Tindices
updates"dtypeà
L
ResourceScatterMax
resource
indices"Tindices
updates"dtypeà
L
ResourceScatterMin
resource
indices"Tindices
updates"dtypeà
L
ResourceScatterMul
resource
indices"Tindices
updates"dtypeà
E
ResourceScatterNdAdd
ref
indices"Tindices
updates"Tà
E
ResourceScatterNdMax
ref
indices"Tindices
updates"Tà
E
ResourceScatterNdMin
ref
indices"Tindices
updates"Tà
E
ResourceScatterNdSub
ref
indices"Tindices
updates"Tà
H
ResourceScatterNdUpdate
ref
indices"Tindices
updates"Tà
L
ResourceScatterSub
resource
indices"Tindices
updates"dtypeà
O
ResourceScatterUpdate
resource
indices"Tindices
updates"dtypeà
á
ResourceSparseApplyAdadelta
var	
accum
accum_update
lr"T
rho"T
epsilon"T	
grad"T
indices"Tindicesà
\
ResourceSparseApplyAdagrad
var	
accum
lr"T	
grad"T
indices"Tindicesà
≤
ResourceSparseApplyAdagradDA
var
gradient_accumulator 
gradient_squared_accumulator	
grad"T
indices"Tindices
lr"T
l1"T
l2"T
global_step	à
l
ResourceSparseApplyAdagradV2
var	
accum
lr"T
epsilon"T	
grad"T
indices"Tindicesà
ô
"ResourceSparseApplyCenteredRMSProp
var
mg
ms
mom
lr"T
rho"T
momentum"T
epsilon"T	
grad"T
indices"Tindicesà
Ü
ResourceSparseApplyFtrl
var	
accum

linear	
grad"T
indices"Tindices
lr"T
l1"T
l2"T
lr_power"Tà
õ
ResourceSparseApplyFtrlV2
var	
accum

linear	
grad"T
indices"Tindices
lr"T
l1"T
l2"T
l2_shrinkage"T
lr_power"Tà
q
 ResourceSparseApplyKerasMomentum
var	
accum
lr"T	
grad"T
indices"Tindices
momentum"Tà
l
ResourceSparseApplyMomentum
var	
accum
lr"T	
grad"T
indices"Tindices
momentum"Tà
v
"ResourceSparseApplyProximalAdagrad
var	
accum
lr"T
l1"T
l2"T	
grad"T
indices"Tindicesà
v
*ResourceSparseApplyProximalGradientDescent
var

alpha"T
l1"T
l2"T	
grad"T
indices"Tindicesà
â
ResourceSparseApplyRMSProp
var
ms
mom
lr"T
rho"T
momentum"T
epsilon"T	
grad"T
indices"Tindicesà
d
ResourceStridedSliceAssign
ref
begin"Index
end"Index
strides"Index

value"Tà
=
Restore
file_pattern
tensor_name
tensor"dtà
W
RestoreSlice
file_pattern
tensor_name
shape_and_slice
tensor"dtà
U
	RestoreV2

prefix
tensor_names
shape_and_slices
tensors2dtypesà
˛
!RetrieveAllTPUEmbeddingParameters

parameters*	NumTables

auxiliary1*	NumTables

auxiliary2*	NumTables

auxiliary3*	NumTables

auxiliary4*	NumTables

auxiliary5*	NumTables

auxiliary6*	NumTables

auxiliary7*	NumTablesà
T
"RetrieveTPUEmbeddingADAMParameters

parameters
momenta

velocitiesà
Z
&RetrieveTPUEmbeddingAdadeltaParameters

parameters
accumulators
updatesà
a
-RetrieveTPUEmbeddingAdagradMomentumParameters

parameters
accumulators
momentaà
L
%RetrieveTPUEmbeddingAdagradParameters

parameters
accumulatorsà
[
-RetrieveTPUEmbeddingCenteredRMSPropParameters

parameters
ms
mom
mgà
V
"RetrieveTPUEmbeddingFTRLParameters

parameters
accumulators
linearsà
X
0RetrieveTPUEmbeddingFrequencyEstimatorParameters

parameters
last_hit_stepà
o
-RetrieveTPUEmbeddingMDLAdagradLightParameters

parameters
accumulators
weights
benefitsà
H
&RetrieveTPUEmbeddingMomentumParameters

parameters
momentaà
T
-RetrieveTPUEmbeddingProximalAdagradParameters

parameters
accumulatorsà
M
*RetrieveTPUEmbeddingProximalYogiParameters

parameters
v
mà
K
%RetrieveTPUEmbeddingRMSPropParameters

parameters
ms
momà
L
7RetrieveTPUEmbeddingStochasticGradientDescentParameters

parametersà
-
Reverse
tensor"T
dims

output"T
Q
ReverseSequence

input"T
seq_lengths"Tlen
output"T"
Tlentype0	
E
	ReverseV2
tensor"T
axis"Tidx
output"T"
Tidxtype0
A
RewriteDataset
input_dataset
rewrite_name

handle
$

RightShift
x"T
y"T
z"T

Rint
x"T
y"T

RiscAbs
x"T
y"T
!
RiscAdd
x"T
y"T
z"T
.
RiscBinaryArithmetic
x"T
y"T
z"T
-
RiscBinaryComparison
x"T
y"T
z

#
RiscBitcast	
x"SrcT	
y"DstT
I
RiscBroadcast

input"T
shape"Tidx
output"T"
Tidxtype0
 
RiscCast	
x"SrcT	
y"DstT

RiscCeil
x"T
y"T
'
RiscCholesky

input"T
output"T
I

RiscConcat
values"T*N
axis"Tidx
output"T"
Tidxtype0
R
RiscCondition
pred


input_true"SrcT
input_false"SrcT
output"DstT
0
RiscConv

input"T
filter"T
output"T

RiscCos
x"T
y"T
!
RiscDiv
x"T
y"T
z"T
'
RiscDot
a"T
b"T
product"T

RiscExp
x"T
y"T
F
RiscFft
input"Tcomplex
output"Tcomplex"
Tcomplextype0

	RiscFloor
x"T
y"T
V

RiscGather
params"Tparams
indices"Tindices
axis"Taxis
output"Tparams
G
RiscImag

input"T
output"Tout"
Ttype0"
Touttype0

RiscIsFinite
x"T
y


RiscLog
x"T
y"T
%
RiscLogicalAnd
x

y

z


RiscLogicalNot
x

z

$
RiscLogicalOr
x

y

z

#
RiscMax
x"T
y"T
max"T
!
RiscMin
x"T
y"T
z"T
!
RiscMul
x"T
y"T
z"T

RiscNeg
x"T
y"T
f
RiscPad

input"T
paddings"	Tpaddings
constant_values"T
output"T"
	Tpaddingstype0
#
RiscPool

value"T
output"T
!
RiscPow
x"T
y"T
z"T
+
RiscRandomUniform

shape"T

output
G
RiscReal

input"T
output"Tout"
Ttype0"
Touttype0
H

RiscReduce
tensor"T
axis"Index
output"T"
Indextype0
!
RiscRem
x"T
y"T
z"T
L
RiscReshape
tensor"T
shape"Tshape
output"T"
Tshapetype0
G
RiscReverse
tensor"T
axis"Tidx
output"T"
Tidxtype0
P
RiscScatter
indices"Tindices
updates"T
shape"Tindices
output"T
A
	RiscShape

input"T
output"out_type"
out_typetype0

RiscSign
x"T
y"T
C
	RiscSlice

input"T
begin"Index
size"Index
output"T
E
RiscSort

input"T
axis"Index
output"T"
Indextype0
&
RiscSqueeze

input"T
output"T
!
RiscSub
x"T
y"T
z"T
A
RiscTranspose
x"T
perm"Tperm
y"T"
Tpermtype0
9
RiscTriangularSolve
matrix"T
rhs"T
output"T

	RiscUnary
x"T
y"T
'
	RiscWhile

input2T
output2Tà
@
RngReadAndSkip
resource
alg	
delta	
value	à
4
RngSkip
resource
	algorithm		
delta	à
?
Roll

input"T
shift"Tshift
axis"Taxis
output"T

Round
x"T
y"T
b
RpcCall

client
method_name
args2Tin
timeout_in_ms	

future
deleterà
=
RpcCheckStatus
	status_or

error_code		
errorà
S
	RpcClient
server_address
timeout_in_ms	

client
method_specsà
/
RpcGetValue
	status_or
output2Toutà
.
	RpcServer
server_address

serverà
K
RpcServerRegister

server
method_name
captured_inputs2Tinà

RpcServerStart

serverà

Rsqrt
x"T
y"T
$
	RsqrtGrad
y"T
dy"T
z"T
g
SampleDistortedBoundingBox

image_size"T
bounding_boxes

begin"T	
size"T

bboxesà
Å
SampleDistortedBoundingBoxV2

image_size"T
bounding_boxes
min_object_covered

begin"T	
size"T

bboxesà
O
SamplingDataset
input_dataset
rate
seed		
seed2	

handle
4
Save
filename
tensor_names	
data2Tà
X
SaveDataset
input_dataset
path)
shard_func_other_args2Tshard_func_argsà
f
SaveDatasetV2
input_dataset
path)
shard_func_other_args2Tshard_func_args

handleà
Q

SaveSlices
filename
tensor_names
shapes_and_slices	
data2Tà
R
SaveV2

prefix
tensor_names
shape_and_slices
tensors2dtypesà
3
ScalarSummary
tags
values"T
summary
Z
ScaleAndTranslate
images"T
size	
scale
translation
resized_images
a
ScaleAndTranslateGrad

grads"T
original_image"T	
scale
translation
output"T
d
ScanDataset
input_dataset
initial_state2Tstate
other_arguments2
Targuments

handle
P

ScatterAdd
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
P

ScatterDiv
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
P

ScatterMax
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
P

ScatterMin
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
P

ScatterMul
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
N
	ScatterNd
indices"Tindices
updates"T
shape"Tindices
output"T
R
ScatterNdAdd
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
R
ScatterNdMax
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
R
ScatterNdMin
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
U
ScatterNdNonAliasingAdd

input"T
indices"Tindices
updates"T
output"T
R
ScatterNdSub
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
U
ScatterNdUpdate
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
P

ScatterSub
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
S
ScatterUpdate
ref"TÄ
indices"Tindices
updates"T

output_ref"TÄ
#

SdcaFprint	
input

output	
è
SdcaOptimizer/
sparse_example_indices	*num_sparse_features/
sparse_feature_indices	*num_sparse_features:
sparse_feature_values*num_sparse_features_with_values&
dense_features*num_dense_features
example_weights
example_labels'
sparse_indices	*num_sparse_features'
sparse_weights*num_sparse_features%
dense_weights*num_dense_features
example_state_data
out_example_state_data1
out_delta_sparse_weights*num_sparse_features/
out_delta_dense_weights*num_dense_features
ë
SdcaOptimizerV2/
sparse_example_indices	*num_sparse_features/
sparse_feature_indices	*num_sparse_features:
sparse_feature_values*num_sparse_features_with_values&
dense_features*num_dense_features
example_weights
example_labels'
sparse_indices	*num_sparse_features'
sparse_weights*num_sparse_features%
dense_weights*num_dense_features
example_state_data
out_example_state_data1
out_delta_sparse_weights*num_sparse_features/
out_delta_dense_weights*num_dense_features
,
SdcaShrinkL1
weights*num_featuresÄ
=

SegmentMax	
data"T
segment_ids"Tindices
output"T
w
SegmentMaxV2	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
>
SegmentMean	
data"T
segment_ids"Tindices
output"T
=

SegmentMin	
data"T
segment_ids"Tindices
output"T
w
SegmentMinV2	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
>
SegmentProd	
data"T
segment_ids"Tindices
output"T
x
SegmentProdV2	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
=

SegmentSum	
data"T
segment_ids"Tindices
output"T
w
SegmentSumV2	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
4
Select
	condition

t"T
e"T
output"T
6
SelectV2
	condition

t"T
e"T
output"T
)
SelfAdjointEig

input"T
output"T
.
SelfAdjointEigV2

input"T
e"T
v"T
'
Selu
features"T
activations"T
8
SeluGrad
	gradients"T
outputs"T
	backprops"T

Send
tensor"Tà
E
SendTPUEmbeddingGradients
inputs*N
learning_rates*NNà
;
SerializeIterator
resource_handle

serializedà
Ñ
SerializeManySparse
sparse_indices	
sparse_values"T
sparse_shape	
serialized_sparse"out_type"
out_typetype0
Ä
SerializeSparse
sparse_indices	
sparse_values"T
sparse_shape	
serialized_sparse"out_type"
out_typetype0
.
SerializeTensor
tensor"T

serialized
D
SetSize
set_indices	

set_values"T
	set_shape	
size
p
SetStatsAggregatorDataset
input_dataset
stats_aggregator
tag
counter_prefix

handleà
=
Shape

input"T
output"out_type"
out_typetype0
D
ShapeN
input"T*N
output"out_type*N"
out_typetype0
H
ShardDataset
input_dataset

num_shards		
index	

handle
H
ShardedFilename
basename	
shard

num_shards
filename
=
ShardedFilespec
basename

num_shards
filename
i
ShuffleAndRepeatDataset
input_dataset
buffer_size	
seed		
seed2		
count	

handle
Ç
ShuffleAndRepeatDatasetV2
input_dataset
buffer_size	
seed		
seed2		
count	
seed_generator

handleà
U
ShuffleDataset
input_dataset
buffer_size	
seed		
seed2	

handle
Y
ShuffleDatasetV2
input_dataset
buffer_size	
seed_generator

handleà
n
ShuffleDatasetV3
input_dataset
buffer_size	
seed		
seed2	
seed_generator

handleà

ShutdownDistributedTPUà
#
ShutdownTPUSystem
success
à

Sigmoid
x"T
y"T
&
SigmoidGrad
y"T
dy"T
z"T

Sign
x"T
y"T

Sin
x"T
y"T

Sinh
x"T
y"T
<
Size

input"T
output"out_type"
out_typetype0
7
SkipDataset
input_dataset	
count	

handle
ä
Skipgram

vocab_word

vocab_freq
words_per_epoch	
current_epoch
total_words_processed	
examples

labelsà
E
SleepDataset
input_dataset
sleep_microseconds	

handle
?
Slice

input"T
begin"Index
size"Index
output"T
k
SlidingWindowDataset
input_dataset
window_size	
window_shift	
window_stride	

handle
#
Snapshot

input"T
output"T
2
SnapshotChunkDataset

chunk_file

handle
:
SnapshotDataset
input_dataset
path

handle
C
SnapshotDatasetReader
	shard_dir
start_index	

handle
î
SnapshotDatasetV2
input_dataset
path+
reader_func_other_args2Treader_func_args)
shard_func_other_args2Tshard_func_args

handle
8
SnapshotNestedDatasetReader
inputs*N

handle
V
SobolSample
dim
num_results
skip
samples"dtype"
dtypetype0
$
Softmax
logits"T
softmax"T
U
SoftmaxCrossEntropyWithLogits
features"T
labels"T	
loss"T
backprop"T
+
Softplus
features"T
activations"T
=
SoftplusGrad
	gradients"T
features"T
	backprops"T
+
Softsign
features"T
activations"T
=
SoftsignGrad
	gradients"T
features"T
	backprops"T
¶
SortListOfSparseCoreCooTensors
row_ids_list*N
col_ids_list*N

gains_list*N
sorted_row_ids
sorted_col_ids
sorted_gains
	id_counts
U
SpaceToBatch

input"T
paddings"	Tpaddings
output"T"
	Tpaddingstype0
é
SpaceToBatchND

input"T
block_shape"Tblock_shape
paddings"	Tpaddings
output"T"
Tblock_shapetype0"
	Tpaddingstype0
'
SpaceToDepth

input"T
output"T
É
SparseAccumulatorApplyGradient
handleÄ

local_step	
gradient_indices	
gradient_values"dtype
gradient_shape	
i
SparseAccumulatorTakeGradient
handleÄ
num_required
indices	
values"dtype	
shape	
£
	SparseAdd
	a_indices	
a_values"T
a_shape	
	b_indices	
b_values"T
b_shape	
thresh"Treal
sum_indices	

sum_values"T
	sum_shape	
x
SparseAddGrad
backprop_val_grad"T
	a_indices	
	b_indices	
sum_indices	

a_val_grad"T

b_val_grad"T
ï
SparseApplyAdadelta
var"TÄ
accum"TÄ
accum_update"TÄ
lr"T
rho"T
epsilon"T	
grad"T
indices"Tindices
out"TÄ
f
SparseApplyAdagrad
var"TÄ
accum"TÄ
lr"T	
grad"T
indices"Tindices
out"TÄ
¿
SparseApplyAdagradDA
var"TÄ
gradient_accumulator"TÄ$
gradient_squared_accumulator"TÄ	
grad"T
indices"Tindices
lr"T
l1"T
l2"T
global_step	
out"TÄ
v
SparseApplyAdagradV2
var"TÄ
accum"TÄ
lr"T
epsilon"T	
grad"T
indices"Tindices
out"TÄ
´
SparseApplyCenteredRMSProp
var"TÄ

mg"TÄ

ms"TÄ
mom"TÄ
lr"T
rho"T
momentum"T
epsilon"T	
grad"T
indices"Tindices
out"TÄ
î
SparseApplyFtrl
var"TÄ
accum"TÄ
linear"TÄ	
grad"T
indices"Tindices
lr"T
l1"T
l2"T
lr_power"T
out"TÄ
©
SparseApplyFtrlV2
var"TÄ
accum"TÄ
linear"TÄ	
grad"T
indices"Tindices
lr"T
l1"T
l2"T
l2_shrinkage"T
lr_power"T
out"TÄ
v
SparseApplyMomentum
var"TÄ
accum"TÄ
lr"T	
grad"T
indices"Tindices
momentum"T
out"TÄ
Ä
SparseApplyProximalAdagrad
var"TÄ
accum"TÄ
lr"T
l1"T
l2"T	
grad"T
indices"Tindices
out"TÄ
|
"SparseApplyProximalGradientDescent
var"TÄ

alpha"T
l1"T
l2"T	
grad"T
indices"Tindices
out"TÄ
ó
SparseApplyRMSProp
var"TÄ

ms"TÄ
mom"TÄ
lr"T
rho"T
momentum"T
epsilon"T	
grad"T
indices"Tindices
out"TÄ
g
SparseBincount
indices	
values"Tidx
dense_shape	
size"Tidx
weights"T
output"T
w
SparseConcat
indices	*N
values"T*N
shapes	*N
output_indices	
output_values"T
output_shape	
0
SparseConditionalAccumulator
handleÄà
¶
SparseCountSparseOutput
indices	
values"T
dense_shape	
weights"output_type
output_indices	
output_values"output_type
output_dense_shape	
¢
SparseCross
indices	*N
values2sparse_types
shapes	*N
dense_inputs2dense_types
output_indices	
output_values"out_type
output_shape	
Ã
SparseCrossHashed
indices	*N
values2sparse_types
shapes	*N
dense_inputs2dense_types
num_buckets	
strong_hash

salt	
output_indices	
output_values	
output_shape	
•
SparseCrossV2
indices	*N
values2sparse_types
shapes	*N
dense_inputs2dense_types
sep
output_indices	
output_values
output_shape	
\
SparseDenseCwiseAdd

sp_indices	
	sp_values"T
sp_shape	

dense"T
output"T
\
SparseDenseCwiseDiv

sp_indices	
	sp_values"T
sp_shape	

dense"T
output"T
\
SparseDenseCwiseMul

sp_indices	
	sp_values"T
sp_shape	

dense"T
output"T
¨
SparseFillEmptyRows
indices	
values"T
dense_shape	
default_value"T
output_indices	
output_values"T
empty_row_indicator

reverse_index_map	
g
SparseFillEmptyRowsGrad
reverse_index_map	
grad_values"T
d_values"T
d_default_value"T
M
SparseMatMul
a"Ta
b"Tb
product"
Tatype0"
Tbtype0
=
SparseMatrixAdd
a
b

alpha"T	
beta"T
c
0
SparseMatrixMatMul
a
b"T
output"T
,
SparseMatrixMul
a
b"T

output
-
SparseMatrixNNZ
sparse_matrix
nnz
0
SparseMatrixOrderingAMD	
input

output
.
SparseMatrixSoftmax

logits
softmax
F
SparseMatrixSoftmaxGrad
softmax
grad_softmax
gradient
D
SparseMatrixSparseCholesky	
input
permutation

output
/
SparseMatrixSparseMatMul
a
b
c
.
SparseMatrixTranspose	
input

output
7
SparseMatrixZeros
dense_shape	
sparse_matrix
i
SparseReduceMax
input_indices	
input_values"T
input_shape	
reduction_axes
output"T
ú
SparseReduceMaxSparse
input_indices	
input_values"T
input_shape	
reduction_axes
output_indices	
output_values"T
output_shape	
i
SparseReduceSum
input_indices	
input_values"T
input_shape	
reduction_axes
output"T
ú
SparseReduceSumSparse
input_indices	
input_values"T
input_shape	
reduction_axes
output_indices	
output_values"T
output_shape	
n
SparseReorder
input_indices	
input_values"T
input_shape	
output_indices	
output_values"T
h
SparseReshape
input_indices	
input_shape	
	new_shape	
output_indices	
output_shape	
É
SparseSegmentMean	
data"T
indices"Tidx
segment_ids"Tsegmentids
output"T"
Tidxtype0"
Tsegmentidstype0
ò
SparseSegmentMeanGrad	
grad"T
indices"Tidx
segment_ids"Tsegmentids
output_dim0
output"T"
Tidxtype0"
Tsegmentidstype0
ø
SparseSegmentMeanGradV2	
grad"T
indices"Tidx
segment_ids"Tsegmentids
dense_output_dim0
output"T
sorted_unique_indices"Tidx"
Tidxtype0"
Tsegmentidstype0
 
 SparseSegmentMeanWithNumSegments	
data"T
indices"Tidx
segment_ids"Tsegmentids
num_segments"Tnumsegments
output"T"
Tidxtype0"
Tnumsegmentstype0"
Tsegmentidstype0
Ñ
SparseSegmentSqrtN	
data"T
indices"Tidx
segment_ids"Tsegmentids
output"T"
Tidxtype0"
Tsegmentidstype0
ô
SparseSegmentSqrtNGrad	
grad"T
indices"Tidx
segment_ids"Tsegmentids
output_dim0
output"T"
Tidxtype0"
Tsegmentidstype0
¿
SparseSegmentSqrtNGradV2	
grad"T
indices"Tidx
segment_ids"Tsegmentids
dense_output_dim0
output"T
sorted_unique_indices"Tidx"
Tidxtype0"
Tsegmentidstype0
À
!SparseSegmentSqrtNWithNumSegments	
data"T
indices"Tidx
segment_ids"Tsegmentids
num_segments"Tnumsegments
output"T"
Tidxtype0"
Tnumsegmentstype0"
Tsegmentidstype0
Ç
SparseSegmentSum	
data"T
indices"Tidx
segment_ids"Tsegmentids
output"T"
Tidxtype0"
Tsegmentidstype0
ó
SparseSegmentSumGrad	
grad"T
indices"Tidx
segment_ids"Tsegmentids
output_dim0
output"T"
Tidxtype0"
Tsegmentidstype0
æ
SparseSegmentSumGradV2	
grad"T
indices"Tidx
segment_ids"Tsegmentids
dense_output_dim0
output"T
sorted_unique_indices"Tidx"
Tidxtype0"
Tsegmentidstype0
…
SparseSegmentSumWithNumSegments	
data"T
indices"Tidx
segment_ids"Tsegmentids
num_segments"Tnumsegments
output"T"
Tidxtype0"
Tnumsegmentstype0"
Tsegmentidstype0
Å
SparseSlice
indices	
values"T	
shape		
start	
size	
output_indices	
output_values"T
output_shape	
p
SparseSliceGrad
backprop_val_grad"T
input_indices	
input_start	
output_indices	
val_grad"T
J
SparseSoftmax

sp_indices	
	sp_values"T
sp_shape	
output"T
v
#SparseSoftmaxCrossEntropyWithLogits
features"T
labels"Tlabels	
loss"T
backprop"T"
Tlabelstype0	
ì
SparseSparseMaximum
	a_indices	
a_values"T
a_shape	
	b_indices	
b_values"T
b_shape	
output_indices	
output_values"T
ì
SparseSparseMinimum
	a_indices	
a_values"T
a_shape	
	b_indices	
b_values"T
b_shape	
output_indices	
output_values"T
ú
SparseSplit
	split_dim	
indices	
values"T	
shape	
output_indices	*	num_split
output_values"T*	num_split
output_shape	*	num_split
f
SparseTensorDenseAdd
	a_indices"Tindices
a_values"T
a_shape"Tindices
b"T
output"T
x
SparseTensorDenseMatMul
	a_indices"Tindices
a_values"T
a_shape	
b"T
product"T"
Tindicestype0	
Z
SparseTensorSliceDataset
indices	
values"Tvalues
dense_shape	

handleà
]
SparseTensorToCSRSparseMatrix
indices	
values"T
dense_shape	
sparse_matrix
y
SparseToDense
sparse_indices"Tindices
output_shape"Tindices
sparse_values"T
default_value"T

dense"T
æ
SparseToSparseSetOperation
set1_indices	
set1_values"T

set1_shape	
set2_indices	
set2_values"T

set2_shape	
result_indices	
result_values"T
result_shape	

Spence
x"T
y"T
:
Split
	split_dim

value"T
output"T*	num_split
W
SplitDedupData	
input
integer_tensor"integer_type
float_tensor"
float_type
b
SplitV

value"T
size_splits"Tlen
	split_dim
output"T*	num_split"
Tlentype0	
M

SqlDataset
driver_name
data_source_name	
query

handleà

Sqrt
x"T
y"T
#
SqrtGrad
y"T
dy"T
z"T

Square
x"T
y"T
+
SquaredDifference
x"T
y"T
z"T
"
Squeeze

input"T
output"T

Stack
handleÄà


StackClose
handleÄ

StackCloseV2

handleà
,
StackPop
handleÄ
elem"	elem_type
.

StackPopV2

handle
elem"	elem_typeà
2
	StackPush
handleÄ	
elem"T
output"T
4
StackPushV2

handle	
elem"T
output"Tà
&
StackV2
max_size

handleà

Stage
values2dtypesà


StageClearà
+
	StagePeek	
index
values2dtypesà

	StageSize
sizeà
9
StatefulPartitionedCall
args2Tin
output2Toutà
ê
StatefulRandomBinomial
resource
	algorithm	

shape"S
counts"T

probs"T
output"dtype"
Ttype0"
dtypetype0	à
|
StatefulStandardNormal
resource
shape"shape_dtype
output"dtype"
dtypetype0"
shape_dtypetype0	à
ç
StatefulStandardNormalV2
resource
	algorithm	
shape"shape_dtype
output"dtype"
dtypetype0"
shape_dtypetype0	à
å
StatefulTruncatedNormal
resource
	algorithm	
shape"shape_dtype
output"dtype"
dtypetype0"
shape_dtypetype0	à
Ñ
StatefulUniform
resource
	algorithm	
shape"shape_dtype
output"dtype"
dtypetype0"
shape_dtypetype0	à
ã
StatefulUniformFullInt
resource
	algorithm	
shape"shape_dtype
output"dtype"
dtypetype0"
shape_dtypetype0	à
©
StatefulUniformInt
resource
	algorithm	
shape"shape_dtype
minval"dtype
maxval"dtype
output"dtype"
dtypetype0	"
shape_dtypetype0	à
?
StatelessCase
branch_index
input2Tin
output2Tout
:
StatelessIf
cond"Tcond
input2Tin
output2Tout
à
StatelessMultinomial
logits"T
num_samples
seed"Tseed
output"output_dtype"
Tseedtype0	"
output_dtypetype0	
¨
%StatelessParameterizedTruncatedNormal

shape"S
seed"Tseed
means"dtype
stddevs"dtype
minvals"dtype
maxvals"dtype
output"dtype"
Tseedtype0	
ì
StatelessRandomBinomial

shape"S
seed"Tseed
counts"T

probs"T
output"dtype"
Tseedtype0	"
Ttype0"
dtypetype0	
g
StatelessRandomGammaV2

shape"T
seed"Tseed
alpha"dtype
output"dtype"
Tseedtype0	
á
StatelessRandomGammaV3
shape"shape_dtype
key
counter
alg
alpha"dtype
output"dtype"
shape_dtypetype0
#
StatelessRandomGetAlg
algà
V
StatelessRandomGetKeyCounter
seed"Tseed
key
counter"
Tseedtype0	
b
StatelessRandomGetKeyCounterAlg
seed"Tseed
key
counter
alg"
Tseedtype0	
x
StatelessRandomNormal

shape"T
seed"Tseed
output"dtype"
dtypetype0"
Ttype0"
Tseedtype0	
Å
StatelessRandomNormalV2
shape"Tshape
key
counter
alg
output"dtype"
dtypetype0"
Tshapetype0
e
StatelessRandomPoisson

shape"T
seed"Tseed
lam"Rtype
output"dtype"
Tseedtype0	
y
StatelessRandomUniform

shape"T
seed"Tseed
output"dtype"
dtypetype0"
Ttype0"
Tseedtype0	
Ä
StatelessRandomUniformFullInt

shape"T
seed"Tseed
output"dtype"
dtypetype0"
Ttype0"
Tseedtype0	
â
StatelessRandomUniformFullIntV2
shape"Tshape
key
counter
alg
output"dtype"
dtypetype0"
Tshapetype0
|
StatelessRandomUniformInt

shape"T
seed"Tseed
minval"dtype
maxval"dtype
output"dtype"
Tseedtype0	
î
StatelessRandomUniformIntV2
shape"Tshape
key
counter
alg
minval"dtype
maxval"dtype
output"dtype"
Tshapetype0
Ç
StatelessRandomUniformV2
shape"Tshape
key
counter
alg
output"dtype"
dtypetype0"
Tshapetype0
î
#StatelessSampleDistortedBoundingBox

image_size"T
bounding_boxes
min_object_covered
seed"Tseed

begin"T	
size"T

bboxes
J
StatelessShuffle

value"T
key
counter
alg
output"T
{
StatelessTruncatedNormal

shape"T
seed"Tseed
output"dtype"
dtypetype0"
Ttype0"
Tseedtype0	
Ñ
StatelessTruncatedNormalV2
shape"Tshape
key
counter
alg
output"dtype"
dtypetype0"
Tshapetype0
)
StatelessWhile

input2T
output2T
-
StaticRegexFullMatch	
input

output

+
StaticRegexReplace	
input

output
&
StatsAggregatorHandle

handleà
(
StatsAggregatorHandleV2

handleà
G
StatsAggregatorSetSummaryWriter
stats_aggregator
summaryà
6
StatsAggregatorSummary
iterator
summaryà
R
StochasticCastToInt
input"Tin
key
counter
alg
output"Tout
'
StopGradient

input"T
output"T
Q
StoreMinibatchStatisticsInFdo
program_key
max_ids
max_uniquesà
W
StridedSlice

input"T
begin"Index
end"Index
strides"Index
output"T
q
StridedSliceAssign
ref"TÄ
begin"Index
end"Index
strides"Index

value"T

output_ref"TÄ
h
StridedSliceGrad
shape"Index
begin"Index
end"Index
strides"Index
dy"T
output"T
'
StringFormat
inputs2T

output
'

StringJoin
inputs*N

output
%
StringLength	
input

output
$
StringLower	
input

output
k
StringNGrams
data
data_splits"Tsplits

ngrams
ngrams_splits"Tsplits"
Tsplitstype0	
K
StringSplit	
input
	delimiter
indices	

values	
shape	
G
StringSplitV2	
input
sep
indices	

values	
shape	
$
StringStrip	
input

output
3
StringToHashBucket
string_tensor

output	
/
StringToHashBucketFast	
input

output	
1
StringToHashBucketStrong	
input

output	
M
StringToNumber
string_tensor
output"out_type"
out_typetype0
$
StringUpper	
input

output

Sub
x"T
y"T
z"T
3
Substr	
input
pos"T
len"T

output
K
Sum

input"T
reduction_indices"Tidx
output"T"
Tidxtype0

SummaryWriter

writerà
)
Svd

input"T
s"T
u"T
v"T
B
Switch	
data"T
pred

output_false"T
output_true"T
0
SymbolicGradient
input2Tin
output2Tout


SyncDeviceà
V
TFRecordDataset
	filenames
compression_type
buffer_size	

handleà
j
TFRecordDatasetV2
	filenames
compression_type
buffer_size	
byte_offsets	

handleà
)
TFRecordReader
reader_handleÄà
(
TFRecordReaderV2
reader_handleà
G
"TPUAnnotateTensorsWithDynamicShape
tensors2T
tpu_tensors2Tà
"
TPUCompilationResult

output
«

TPUCompile$
dynamic_shapes	*NumDynamicShapes-
guaranteed_constants2Tguaranteed_constants
compilation_status
program*num_computations*
may_modify_variables
*num_computationsà
6
TPUCompileSucceededAssert
compilation_statusà
S
TPUCopyWithDynamicShape
tensors2T
unpadded_sizes*N
tpu_tensors2Tà
U
TPUEmbeddingActivations
embedding_variable
sliced_activations

output
<

TPUExecute
args2Targs
key
results2Tresultsà
N
TPUExecuteAndUpdateVariables
args2Targs
key
results2Tresultsà
,
TPUOrdinalSelector
device_ordinalsà
E
TPUPartitionedCall
args2Tin
device_ordinal
output2Tout
2
TPUPartitionedInput
inputs"T*N
output"T
4
TPUPartitionedInputV2
inputs"T*N
output"T
<
TPUPartitionedOutput
inputs"T
output"T*
num_splits
>
TPUPartitionedOutputV2
inputs"T
output"T*
num_splits

TPUReplicateMetadata
1
TPUReplicatedInput
inputs"T*N
output"T
=
TPUReplicatedOutput

input"T
outputs"T*num_replicas
O
TPUReshardVariables
vars*N
new_format_key
format_state_varà
&
TPURoundRobin
device_ordinalà
7
TakeDataset
input_dataset	
count	

handle
s
TakeManySparseFromTensorsMap
sparse_handles	
sparse_indices	
sparse_values"dtype
sparse_shape	à
P
TakeWhileDataset
input_dataset
other_arguments2
Targuments

handle

Tan
x"T
y"T

Tanh
x"T
y"T
#
TanhGrad
y"T
dy"T
z"T
'
TemporaryVariable
ref"dtypeÄà
)
TensorArray
size
handleÄà
!
TensorArrayClose
handleÄ
 
TensorArrayCloseV2

handle
#
TensorArrayCloseV3

handleà
L
TensorArrayConcat
handleÄ
flow_in
value"dtype
lengths	
K
TensorArrayConcatV2

handle
flow_in
value"dtype
lengths	
N
TensorArrayConcatV3

handle
flow_in
value"dtype
lengths	à
L
TensorArrayGather
handleÄ
indices
flow_in
value"dtype
K
TensorArrayGatherV2

handle
indices
flow_in
value"dtype
N
TensorArrayGatherV3

handle
indices
flow_in
value"dtypeà
A
TensorArrayGrad

handle
flow_in
grad_handleÄà
@
TensorArrayGradV2

handle
flow_in
grad_handleà
N
TensorArrayGradV3

handle
flow_in
grad_handle
flow_outà
k
TensorArrayGradWithShape

handle
flow_in
shape_to_prepend
grad_handle
flow_outà
=
TensorArrayPack
handleÄ
flow_in
value"dtype
H
TensorArrayRead
handleÄ	
index
flow_in
value"dtype
G
TensorArrayReadV2

handle	
index
flow_in
value"dtype
J
TensorArrayReadV3

handle	
index
flow_in
value"dtypeà
W
TensorArrayScatter
handleÄ
indices

value"T
flow_in
flow_out
V
TensorArrayScatterV2

handle
indices

value"T
flow_in
flow_out
Y
TensorArrayScatterV3

handle
indices

value"T
flow_in
flow_outà
7
TensorArraySize
handleÄ
flow_in
size
6
TensorArraySizeV2

handle
flow_in
size
9
TensorArraySizeV3

handle
flow_in
sizeà
U
TensorArraySplit
handleÄ

value"T
lengths	
flow_in
flow_out
T
TensorArraySplitV2

handle

value"T
lengths	
flow_in
flow_out
W
TensorArraySplitV3

handle

value"T
lengths	
flow_in
flow_outà
I
TensorArrayUnpack
handleÄ

value"T
flow_in
flow_out
(
TensorArrayV2
size

handleà
2
TensorArrayV3
size

handle
flowà
S
TensorArrayWrite
handleÄ	
index

value"T
flow_in
flow_out
R
TensorArrayWriteV2

handle	
index

value"T
flow_in
flow_out
U
TensorArrayWriteV3

handle	
index

value"T
flow_in
flow_outà
;
TensorDataset

components2Toutput_types

handleà
J
TensorListConcat
input_handle
tensor"element_dtype
lengths	
=
TensorListConcatLists
input_a
input_b

output
{
TensorListConcatV2
input_handle
element_shape"
shape_type
leading_dims	
tensor"element_dtype
lengths	
G
TensorListElementShape
input_handle
element_shape"
shape_type
_
TensorListFromTensor
tensor"element_dtype
element_shape"
shape_type
output_handle
]
TensorListGather
input_handle
indices
element_shape
values"element_dtype
Z
TensorListGetItem
input_handle	
index
element_shape
item"element_dtype
0
TensorListLength
input_handle

length
d
TensorListPopBack
input_handle
element_shape
output_handle
tensor"element_dtype
R
TensorListPushBack
input_handle
tensor"element_dtype
output_handle
Y
TensorListPushBackBatch
input_handles
tensor"element_dtype
output_handles
N
TensorListReserve
element_shape"
shape_type
num_elements

handle
A
TensorListResize
input_handle
size
output_handle
i
TensorListScatter
tensor"element_dtype
indices
element_shape"
shape_type
output_handle
n
!TensorListScatterIntoExistingList
input_handle
tensor"element_dtype
indices
output_handle
}
TensorListScatterV2
tensor"element_dtype
indices
element_shape"
shape_type
num_elements
output_handle
Z
TensorListSetItem
input_handle	
index
item"element_dtype
output_handle
g
TensorListSplit
tensor"element_dtype
element_shape"
shape_type
lengths	
output_handle
O
TensorListStack
input_handle
element_shape
tensor"element_dtype
G
TensorMapErase
input_handle
key"	key_dtype
output_handle
B
TensorMapHasKey
input_handle
key"	key_dtype
has_key

^
TensorMapInsert
input_handle
key"	key_dtype
value"value_dtype
output_handle
K
TensorMapLookup
input_handle
key"	key_dtype
value"value_dtype
+
TensorMapSize
input_handle
size
9
TensorMapStackKeys
input_handle
keys"	key_dtype
O
TensorScatterAdd
tensor"T
indices"Tindices
updates"T
output"T
O
TensorScatterMax
tensor"T
indices"Tindices
updates"T
output"T
O
TensorScatterMin
tensor"T
indices"Tindices
updates"T
output"T
O
TensorScatterSub
tensor"T
indices"Tindices
updates"T
output"T
R
TensorScatterUpdate
tensor"T
indices"Tindices
updates"T
output"T
@
TensorSliceDataset

components2Toutput_types

handleà
o
TensorStridedSliceUpdate

input"T
begin"Index
end"Index
strides"Index

value"T
output"T
)
TensorSummary
tensor"T
summary
U
TensorSummaryV2
tag
tensor"T
serialized_summary_metadata
summary
V
TextLineDataset
	filenames
compression_type
buffer_size	

handleà
)
TextLineReader
reader_handleÄà
(
TextLineReaderV2
reader_handleà
F
TfLiteSubgraphExecute
subgraph_key
args2Tin
output2Tout
F
ThreadPoolDataset
input_dataset
thread_pool

handleà
!
ThreadPoolHandle

handleà
á
#ThreadUnsafeUnigramCandidateSampler
true_classes	
sampled_candidates	
true_expected_count
sampled_expected_countà
P
Tile

input"T
	multiples"
Tmultiples
output"T"

Tmultiplestype0
2
TileGrad

input"T
	multiples
output"T

	Timestamp
tsà
 
ToBool

input"T

output

,
TopK

input"T
values"T
indices
3

TopKUnique	
input
topk
topk_indices
i
TopKV2

input"T
k"Tk
values"T
indices"
index_type"
Tktype0"

index_typetype0
7
TopKWithUnique	
input
topk
topk_indices
.
TpuHandleToProtoKey
uid	

proto_keys
=
	Transpose
x"T
perm"Tperm
y"T"
Tpermtype0
W
TridiagonalMatMul
	superdiag"T
maindiag"T
subdiag"T
rhs"T
output"T
9
TridiagonalSolve
	diagonals"T
rhs"T
output"T
%
TruncateDiv
x"T
y"T
z"T
%
TruncateMod
x"T
y"T
z"T
1
TruncatedNormal

shape"T
output"dtypeà
N
Unbatch
batched_tensor"T
batch_index	
id	
unbatched_tensor"T
/
UnbatchDataset
input_dataset

handle
Y
UnbatchGrad
original_input"T
batch_index		
grad"T
id	
batched_grad"T
?
UncompressElement

compressed

components2output_types
W
UnicodeDecode	
input

row_splits"Tsplits
char_values"
Tsplitstype0	
{
UnicodeDecodeWithOffsets	
input

row_splits"Tsplits
char_values
char_to_byte_starts	"
Tsplitstype0	
[
UnicodeEncode
input_values
input_splits"Tsplits

output"
Tsplitstype0	
&
UnicodeScript	
input

output
)
UnicodeTranscode	
input

output
{
UniformCandidateSampler
true_classes	
sampled_candidates	
true_expected_count
sampled_expected_countà
N
UniformDequantize
input"Tin

scales
zero_points
output"Tout
L
UniformQuantize
input"Tin

scales
zero_points
output"Tout
´
UniformQuantizedAdd
lhs"T
rhs"T

lhs_scales
lhs_zero_points

rhs_scales
rhs_zero_points
output_scales
output_zero_points
output"T
i
UniformQuantizedClipByValue
operand"T
min"T
max"T

scales
zero_points
output"T
∫
UniformQuantizedConvolution

lhs"Tin

rhs"Tin

lhs_scales
lhs_zero_points

rhs_scales
rhs_zero_points
output_scales
output_zero_points
output"Tout
r
!UniformQuantizedConvolutionHybrid
lhs"Tlhs
rhs"Trhs

rhs_scales
rhs_zero_points
output"Tout
≤
UniformQuantizedDot

lhs"Tin

rhs"Tin

lhs_scales
lhs_zero_points

rhs_scales
rhs_zero_points
output_scales
output_zero_points
output"Tout
j
UniformQuantizedDotHybrid
lhs"Tlhs
rhs"Trhs

rhs_scales
rhs_zero_points
output"Tout
Ö
UniformRequantize
input"Tin
input_scales
input_zero_points
output_scales
output_zero_points
output"Tout
=
Unique
x"T
y"T
idx"out_idx"
out_idxtype0
.
UniqueDataset
input_dataset

handle
a
UniqueV2
x"T
axis"Taxis
y"T
idx"out_idx"
Taxistype0	"
out_idxtype0
Y
UniqueWithCounts
x"T
y"T
idx"out_idx
count"out_idx"
out_idxtype0
}
UniqueWithCountsV2
x"T
axis"Taxis
y"T
idx"out_idx
count"out_idx"
Taxistype0	"
out_idxtype0
&
Unpack

value"T
output"T*num
O
UnravelIndex
indices"Tidx
dims"Tidx
output"Tidx"
Tidxtype0
~
UnsortedSegmentJoin

inputs
segment_ids"Tindices
num_segments"Tnumsegments

output"
Tnumsegmentstype0
}
UnsortedSegmentMax	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
}
UnsortedSegmentMin	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
~
UnsortedSegmentProd	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0
}
UnsortedSegmentSum	
data"T
segment_ids"Tindices
num_segments"Tnumsegments
output"T"
Tnumsegmentstype0

Unstage
values2dtypesà
;
UnwrapDatasetVariant
input_handle
output_handle
L
UpdateTaskIdAndGlobalCoreArray'
tpu_task_id_to_shard_id*
task_countà
W

UpperBound
sorted_inputs"T
values"T
output"out_type"
out_typetype0

VarHandleOp
resourceà
9
VarIsInitializedOp
resource
is_initialized
à

Variable
ref"dtypeÄà
G
VariableShape	
input
output"out_type"
out_typetype0à
 

VariableV2
ref"dtypeÄà
K
WeightedFlatMapDataset
input_datasets*N
weights*M

handle
-
Where

input"T	
index	"
Ttype0

#
While

input2T
output2Tà
*
WholeFileReader
reader_handleÄà
)
WholeFileReaderV2
reader_handleà
c
WindowDataset
input_dataset
size		
shift	

stride	
drop_remainder


handle
)
WindowOp
inputs2Tinputs

handle
/
WorkerHeartbeat
request
responseà
9
WrapDatasetVariant
input_handle
output_handle
R
WriteAudioSummary

writer
step	
tag

tensor
sample_rateà
*
	WriteFile
filename
contentsà
8
WriteGraphSummary

writer
step	

tensorà
U
WriteHistogramSummary

writer
step	
tag
values"T"
Ttype0à
`
WriteImageSummary

writer
step	
tag
tensor"T
	bad_color"
Ttype0à
;
WriteRawProtoSummary

writer
step	

tensorà
B
WriteScalarSummary

writer
step	
tag

value"Tà
S
WriteSummary

writer
step	
tensor"T
tag
summary_metadataà

Xdivy
x"T
y"T
z"T
=
XlaAllReduce

input"T
group_assignment
output"T
f
XlaBroadcastHelper
lhs"T
rhs"T
broadcast_dims"Tindices

lhs_output"T

rhs_output"T
/
XlaCallModule
args2Tin
output2Toutà
,
XlaClusterOutput

input"T
outputs"T
*
XlaConcatND
inputs"T*N
output"T
∞
XlaConv
lhs"T
rhs"T
window_strides"Tindices
padding"Tindices
lhs_dilation"Tindices
rhs_dilation"Tindices
feature_group_count"Tindices
output"T
Õ
	XlaConvV2
lhs"LhsT
rhs"RhsT
window_strides"Tindices
padding"Tindices
lhs_dilation"Tindices
rhs_dilation"Tindices
feature_group_count"Tindices 
output"preferred_element_type
+
XlaCustomCall	
args2T
output"dtype
G
XlaCustomCallV2
operands2operand_dtypes
results2result_dtypes
)
XlaDequantize	
input

outputà
)
XlaDot
lhs"T
rhs"T
output"T
F
XlaDotV2
lhs"LhsT
rhs"RhsT 
output"preferred_element_type
_
XlaDynamicSlice

input"T
start_indices"Tindices
size_indices"Tindices
output"T
R
XlaDynamicUpdateSlice

input"T
update"T
indices"Tindices
output"T
)
	XlaEinsum
a"T
b"T
product"T
Z
	XlaGather
operand"T
start_indices"Tindices
slice_sizes"Tindices
output"T
;
XlaHostCompute
inputs2Tinputs
outputs2Toutputsà
8
XlaIf
cond"Tcond
inputs2Tin
output2Toutà
O
XlaKeyValueSort	
keys"K
values"V
sorted_keys"K
sorted_values"V
f
	XlaLaunch
	constants2
Tconstants
args2Targs
	resources*
Nresources
results2Tresultsà
1
XlaLaunchV2
args2Targs
results2Tresults
1
XlaOptimizationBarrier

input2T
output2T
Ü
XlaPad

input"T
padding_value"T
padding_low"Tindices
padding_high"Tindices
padding_interior"Tindices
output"T

XlaRecv
tensor"dtypeà
'
XlaRecvFromHost
output"Toutputà
T
XlaRecvTPUEmbeddingActivations
deduplication_data
outputs*
num_tablesà
V
 XlaRecvTPUEmbeddingActivationsV2
deduplication_data
outputs*
num_tablesà
5
$XlaRecvTPUEmbeddingDeduplicationData

outputà
7
&XlaRecvTPUEmbeddingDeduplicationDataV2

outputà
5
	XlaReduce

input"T

init_value"T
output"T
/
XlaReducePrecision
operand"T
output"T
X
XlaReduceScatter

input"T
group_assignment
scatter_dimension
output"T
≈
XlaReduceWindow

input"T

init_value"T
window_dimensions"Tindices
window_strides"Tindices
base_dilations"Tindices
window_dilations"Tindices
padding"Tindices
output"T
G
XlaRemoveDynamicDimensionSize

input"T
	dim_index
output"T

XlaReplicaId
id
è
XlaRngBitGenerator
	algorithm
initial_state
shape"Tshape

output_key
output"dtype"
dtypetype0"
Tshapetype0
R

XlaScatter
operand"T
scatter_indices"Tindices
updates"T
output"T
û
XlaSelectAndScatter
operand"T
window_dimensions"Tindices
window_strides"Tindices
padding"Tindices
source"T

init_value"T
output"T
+
XlaSelfAdjointEig
a"T
w"T
v"T

XlaSend
tensor"Tà
|
XlaSendTPUEmbeddingGradients
	gradients*	NumTables'
learning_rates*NumLearningRateTags
deduplication_dataà
~
XlaSendTPUEmbeddingGradientsV2
	gradients*	NumTables'
learning_rates*NumLearningRateTags
deduplication_dataà
#
XlaSendToHost
input"Tinputà
/
XlaSetBound	
input	
bound

output
N
XlaSetDynamicDimensionSize

input"T
	dim_index
size
output"T
&
XlaSharding

input"T
output"T
"
XlaSort

input"T
output"T
£
XlaSparseCoreAdagrad
indices
gradient
learning_rate
accumulator
embedding_table
updated_embedding_table
updated_accumulatorà
Ë
XlaSparseCoreAdagradMomentum
indices
gradient
learning_rate

beta_1
epsilon
accumulator
momentum
embedding_table
updated_embedding_table
updated_accumulator
updated_momentumà
„
XlaSparseCoreAdam
embedding_table
indices
gradient
learning_rate
momentum
velocity

beta_1

beta_2
epsilon
updated_embedding_table
updated_velocity
updated_momentumà
É
XlaSparseCoreFtrl
embedding_table
accumulator

linear
learning_rate
indices
gradient
beta
learning_rate_power
l2_regularization_strength
updated_embedding_table
updated_accumulator
updated_linearà
u
XlaSparseCoreSgd
indices
gradient
learning_rate
embedding_table
updated_embedding_tableà
ƒ
XlaSparseDenseMatmul
row_ids
col_ids

values
offsets
embedding_table
activations
row_pointers
sorted_embedding_ids
sorted_sample_ids
sorted_gains
∏
.XlaSparseDenseMatmulGradWithAdagradAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
¿
6XlaSparseDenseMatmulGradWithAdagradAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
‚
6XlaSparseDenseMatmulGradWithAdagradMomentumAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator
momenta,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_momenta
Í
>XlaSparseDenseMatmulGradWithAdagradMomentumAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator
momenta,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_momenta
—
+XlaSparseDenseMatmulGradWithAdamAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
momenta
velocity,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_momenta
updated_velocity
Ÿ
3XlaSparseDenseMatmulGradWithAdamAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
momenta
velocity,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_momenta
updated_velocity
˝
$XlaSparseDenseMatmulGradWithCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
tables*N
hyperparameters*M,
(num_minibatches_per_physical_sparse_core
updated_tables*N
’
+XlaSparseDenseMatmulGradWithFtrlAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator

linear,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_linear
›
3XlaSparseDenseMatmulGradWithFtrlAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator

linear,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_linear
ä
*XlaSparseDenseMatmulGradWithSgdAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
í
2XlaSparseDenseMatmulGradWithSgdAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table,
(num_minibatches_per_physical_sparse_core
updated_embedding_table
«
 XlaSparseDenseMatmulWithCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
embedding_table,
(num_minibatches_per_physical_sparse_core
activations
œ
(XlaSparseDenseMatmulWithStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
embedding_table,
(num_minibatches_per_physical_sparse_core
activations
)

XlaSplitND

input"T
outputs"T*N
2
XlaSpmdFullToShardShape

input"T
output"T
2
XlaSpmdShardToFullShape

input"T
output"T
(
XlaSvd
a"T
s"T
u"T
v"T
F
XlaVariadicReduce
input"T*N

init_value"T*N
output"T*N
B
XlaVariadicReduceV2
inputs2T
init_values2T
outputs2T
;
XlaVariadicSort
inputs2T
	dimension
outputs2T
&
XlaWhile

input2T
output2Tà
!
Xlog1py
x"T
y"T
z"T

Xlogy
x"T
y"T
z"T

	ZerosLike
x"T
y"T

Zeta
x"T
q"T
z"T
/

ZipDataset
input_datasets*N

handle

_Arg
output"Tà
2
_ArrayToList
input"T*N
output2	out_types
8
_ConfigureDistributedTPU
inputs*N

outputà


_DeviceArg
output"Tà

_DeviceRetval

input"Tà
E
'_DisconnectHostFromDistributedTPUSystem
number_of_tpu_chipsà
&
_EagerConst

input"T
output"T
‡
_FusedBatchNormEx
x"T

scale"U
offset"U	
mean"U
variance"U 

side_input"T*num_side_inputs
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U
§
_FusedBatchNormGradEx

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U

offset
y"T

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_4"U
reserve_space_5"U)
side_input_backprop"T*num_side_inputs
a
_FusedConv2D

input"T
filter"T
args2TArgs
	host_args*num_host_args
output"T
I
_FusedConv3D

input"T
filter"T
args"T*num_args
output"T
X
_FusedDepthwiseConv2dNative

input"T
filter"T
args"T*num_args
output"T
A
_FusedMatMul
a"T
b"T
args"T*num_args
product"T
È
_FusedQuantizedConv2D
device_inputs2Tdevice_inputs
host_inputs2Thost_inputs!
device_outputs2Tdevice_outputs
host_outputs2Thost_outputs"
Tinputtype0"
Tfiltertype0"
Tbiastype0"
out_typetype0
Ú
_FusedQuantizedDepthwiseConv2D
device_inputs2Tdevice_inputs
host_inputs2Thost_inputs!
device_outputs2Tdevice_outputs
host_outputs2Thost_outputs"
Tinputtype0"
Tfiltertype0"
Tbiastype0"
out_typetype0
!
	_HostCast	
x"SrcT	
y"DstT
%
	_HostRecv
tensor"tensor_typeà

	_HostSend
tensor"Tà
5
_If
cond"Tcond
input2Tin
output2Toutà
=
 _InitializeHostForDistributedTPU	
input
tpu_idsà
,
_ListToArray
input2Tin
output"T*N
E
_MklAvgPool

value"T
	mkl_input
output"T

mkl_output
G
_MklAvgPool3D

value"T
	mkl_input
output"T

mkl_output
s
_MklAvgPool3DGrad
orig_input_shape	
grad"T
mkl_orig_input
mkl_grad
output"T

mkl_output
q
_MklAvgPoolGrad
orig_input_shape	
grad"T
mkl_orig_input
mkl_grad
output"T

mkl_output
.
_MklBatchMatMul
x"T
y"T
output"T
0
_MklBatchMatMulV2
x"T
y"T
output"T
p

_MklConcat

concat_dim
values"T*N
mkl_concat_dim

mkl_values*N
output"T

mkl_output
|
_MklConcatV2
values"T*N
axis"Tidx

mkl_values*N
mkl_axis
output"T

mkl_output"
Tidxtype0
J
_MklConjugateTranspose
x"T
perm"Tperm
y"T"
Tpermtype0
å

_MklConv2D

input"T
filter"T
	mkl_input

mkl_filter
output"T
filter_output"T

mkl_output
mkl_filter_output
¢
_MklConv2DBackpropFilter

input"T
filter_sizes
out_backprop"T
	mkl_input
mkl_filter_size
mkl_out_backprop
output"T

mkl_output
Õ
 _MklConv2DBackpropFilterWithBias

input"T
filter_sizes
out_backprop"T
	mkl_input
mkl_filter_size
mkl_out_backprop
output"T
	bias_grad"T

mkl_output
mkl_bias_grad
¢
_MklConv2DBackpropInput
input_sizes
filter"T
out_backprop"T
mkl_input_sizes

mkl_filter
mkl_out_backprop
output"T

mkl_output
≠
_MklConv2DWithBias

input"T
filter"T	
bias"T
	mkl_input

mkl_filter
mkl_bias
output"T
filter_output"T

mkl_output
mkl_filter_output
å

_MklConv3D

input"T
filter"T
	mkl_input

mkl_filter
output"T
filter_output"T

mkl_output
mkl_filter_output
§
_MklConv3DBackpropFilterV2

input"T
filter_sizes
out_backprop"T
	mkl_input
mkl_filter_size
mkl_out_backprop
output"T

mkl_output
æ
_MklConv3DBackpropInputV2
input_sizes"Tshape
filter"T
out_backprop"T
mkl_input_sizes

mkl_filter
mkl_out_backprop
output"T

mkl_output"
Tshapetype0
õ
_MklDepthwiseConv2dNative

input"T
filter"T
	mkl_input

mkl_filter
output"T
filter_output"T

mkl_output
mkl_filter_output
¨
'_MklDepthwiseConv2dNativeBackpropFilter

input"T
filter_sizes
out_backprop"T
	mkl_input

mkl_filter
mkl_out_backprop
output"T

mkl_output
´
&_MklDepthwiseConv2dNativeBackpropInput
input_sizes
filter"T
out_backprop"T
	mkl_input

mkl_filter
mkl_out_backprop
output"T

mkl_output
^
_MklDequantize

input"T
	min_range
	max_range
output"dtype"
dtypetype0
)

_MklEinsum
inputs"T*N
output"T
`
_MklElu
features"T
mkl_features
activations"T
mkl_activations"
Ttype0
É
_MklEluGrad
	gradients"T
features"T
mkl_gradients
mkl_features
	backprops"T
mkl_backprops"
Ttype0
J
_MklFusedBatchMatMulV2
x"T
y"T
args"T*num_args
output"T
‹
_MklFusedBatchNorm
x"T

scale"T
offset"T	
mean"T
variance"T	
mkl_x
	mkl_scale

mkl_offset
mkl_mean
mkl_variance
y"T

batch_mean"T
batch_variance"T
reserve_space_1"T
reserve_space_2"T	
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
‘
_MklFusedBatchNormEx
x"T

scale"U
offset"U	
mean"U
variance"U 

side_input"T*num_side_inputs	
mkl_x
	mkl_scale

mkl_offset
mkl_mean
mkl_variance#
mkl_side_input*num_side_inputs
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U	
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
mkl_reserve_space_3
®
_MklFusedBatchNormGrad

y_backprop"T
x"T

scale"T
reserve_space_1"T
reserve_space_2"T
mkl_y_backprop	
mkl_x
	mkl_scale
mkl_reserve_space_1
mkl_reserve_space_2

x_backprop"T
scale_backprop"T
offset_backprop"T
reserve_space_3"T
reserve_space_4"T
mkl_x_backprop
mkl_scale_backprop
mkl_offset_backprop
mkl_reserve_space_3
mkl_reserve_space_4
©
_MklFusedBatchNormGradV2

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U
mkl_y_backprop	
mkl_x
	mkl_scale
mkl_reserve_space_1
mkl_reserve_space_2

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_3"U
reserve_space_4"U
mkl_x_backprop
mkl_scale_backprop
mkl_offset_backprop
mkl_reserve_space_3
mkl_reserve_space_4
ÿ
_MklFusedBatchNormGradV3

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U
mkl_y_backprop	
mkl_x
	mkl_scale
mkl_reserve_space_1
mkl_reserve_space_2
mkl_reserve_space_3

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_4"U
reserve_space_5"U
mkl_x_backprop
mkl_scale_backprop
mkl_offset_backprop
mkl_reserve_space_4
mkl_reserve_space_5
ﬁ
_MklFusedBatchNormV2
x"T

scale"U
offset"U	
mean"U
variance"U	
mkl_x
	mkl_scale

mkl_offset
mkl_mean
mkl_variance
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U	
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
ç
_MklFusedBatchNormV3
x"T

scale"U
offset"U	
mean"U
variance"U	
mkl_x
	mkl_scale

mkl_offset
mkl_mean
mkl_variance
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U	
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
mkl_reserve_space_3
æ
_MklFusedConv2D

input"T
filter"T
args"T*num_args
	mkl_input

mkl_filter
mkl_args*num_args
output"T
filter_output"T

mkl_output
mkl_filter_output
Õ
_MklFusedDepthwiseConv2dNative

input"T
filter"T
args"T*num_args
	mkl_input

mkl_filter
mkl_args*num_args
output"T
filter_output"T

mkl_output
mkl_filter_output
>
_MklFusedInstanceNorm
x"T

gamma"T	
beta"T
y"T
É
_MklFusedMatMul
a"T
b"T
args"T*num_args	
mkl_a	
mkl_b
mkl_args*num_args
product"T
mkl_product
0
_MklFusedMish
features"T
activations"T
8
_MklLayerNorm
x"T

scale"T
offset"T
y"T
f
_MklLeakyRelu
features"T
mkl_features
activations"T
mkl_activations"
Ttype0
â
_MklLeakyReluGrad
	gradients"T
features"T
mkl_gradients
mkl_features
	backprops"T
mkl_backprops"
Ttype0
*

_MklMatMul
a"T
b"T
product"T
v
_MklMaxPool

input"T
	mkl_input
output"T
	workspace

mkl_output
mkl_workspace"
Ttype0
i
_MklMaxPool3D

input"T
	mkl_input
output"T
	workspace

mkl_output
mkl_workspace
‰
_MklMaxPool3DGrad

orig_input"TInput
orig_output"TInput	
grad"T
	workspace
mkl_orig_input
mkl_orig_output
mkl_grad
mkl_workspace
output"T

mkl_output"
Ttype0"
TInputtype0
ƒ
_MklMaxPoolGrad

orig_input"T
orig_output"T	
grad"T
	workspace
mkl_orig_input
mkl_orig_output
mkl_grad
mkl_workspace
output"T

mkl_output"
Ttype0
,
_MklNativeAvgPool

value"T
output"T
.
_MklNativeAvgPool3D

value"T
output"T
G
_MklNativeAvgPool3DGrad
orig_input_shape	
grad"T
output"T
E
_MklNativeAvgPoolGrad
orig_input_shape	
grad"T
output"T
8
_MklNativeConv2D

input"T
filter"T
output"T
^
_MklNativeConv2DBackpropFilter

input"T
filter_sizes
out_backprop"T
output"T
v
&_MklNativeConv2DBackpropFilterWithBias

input"T
filter_sizes
out_backprop"T
output"T
	bias_grad"T
]
_MklNativeConv2DBackpropInput
input_sizes
filter"T
out_backprop"T
output"T
K
_MklNativeConv2DWithBias

input"T
filter"T	
bias"T
output"T
8
_MklNativeConv3D

input"T
filter"T
output"T
`
 _MklNativeConv3DBackpropFilterV2

input"T
filter_sizes
out_backprop"T
output"T
y
_MklNativeConv3DBackpropInputV2
input_sizes"Tshape
filter"T
out_backprop"T
output"T"
Tshapetype0
G
_MklNativeDepthwiseConv2dNative

input"T
filter"T
output"T
m
-_MklNativeDepthwiseConv2dNativeBackpropFilter

input"T
filter_sizes
out_backprop"T
output"T
l
,_MklNativeDepthwiseConv2dNativeBackpropInput
input_sizes
filter"T
out_backprop"T
output"T
Ø
_MklNativeFusedBatchNorm
x"T

scale"T
offset"T	
mean"T
variance"T
y"T

batch_mean"T
batch_variance"T
reserve_space_1"T
reserve_space_2"T
È
_MklNativeFusedBatchNormEx
x"T

scale"U
offset"U	
mean"U
variance"U 

side_input"T*num_side_inputs
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U
◊
_MklNativeFusedBatchNormGrad

y_backprop"T
x"T

scale"T
reserve_space_1"T
reserve_space_2"T

x_backprop"T
scale_backprop"T
offset_backprop"T
reserve_space_3"T
reserve_space_4"T
ÿ
_MklNativeFusedBatchNormGradV2

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_3"U
reserve_space_4"U
Ó
_MklNativeFusedBatchNormGradV3

y_backprop"T
x"T	
scale
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U

x_backprop"T
scale_backprop"U
offset_backprop"U
reserve_space_4"U
reserve_space_5"U
±
_MklNativeFusedBatchNormV2
x"T

scale"U
offset"U	
mean"U
variance"U
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
«
_MklNativeFusedBatchNormV3
x"T

scale"U
offset"U	
mean"U
variance"U
y"T

batch_mean"U
batch_variance"U
reserve_space_1"U
reserve_space_2"U
reserve_space_3"U
j
_MklNativeFusedConv2D

input"T
filter"T
args2TArgs
	host_args*num_host_args
output"T
R
_MklNativeFusedConv3D

input"T
filter"T
args"T*num_args
output"T
a
$_MklNativeFusedDepthwiseConv2dNative

input"T
filter"T
args"T*num_args
output"T
J
_MklNativeFusedMatMul
a"T
b"T
args"T*num_args
product"T
J
_MklNativeMaxPool

input"T
output"T
	workspace"
Ttype0
=
_MklNativeMaxPool3D

input"T
output"T
	workspace
ê
_MklNativeMaxPool3DGrad

orig_input"TInput
orig_output"TInput	
grad"T
	workspace
output"T"
Ttype0"
TInputtype0
p
_MklNativeMaxPoolGrad

orig_input"T
orig_output"T	
grad"T
	workspace
output"T"
Ttype0
m
_MklNativePadWithConv2D

input"T
filter"T
paddings"	Tpaddings
output"T"
	Tpaddingstype0
á
_MklNativePadWithFusedConv2D

input"T
filter"T
args"T*num_args
paddings"	Tpaddings
output"T"
	Tpaddingstype0
:
_MklNativeSparseMatrixMatMul
a
b"T
output"T
”
_MklPadWithConv2D

input"T
filter"T
paddings"	Tpaddings
	mkl_input

mkl_filter
mkl_paddings
output"T
filter_output"T

mkl_output
mkl_filter_output"
	Tpaddingstype0
Ö
_MklPadWithFusedConv2D

input"T
filter"T
args"T*num_args
paddings"	Tpaddings
	mkl_input

mkl_filter
mkl_args*num_args
mkl_paddings
output"T
filter_output"T

mkl_output
mkl_filter_output"
	Tpaddingstype0
f
_MklQuantizeV2	
input
	min_range
	max_range
output"T

output_min

output_max
m
_MklQuantizedAvgPool

input"T
	min_input
	max_input
output"T

min_output

max_output
õ
_MklQuantizedConcatV2
values"T*N
axis"Tidx

input_mins*N
input_maxes*N
output"T

output_min

output_max"
Tidxtype0
¡
_MklQuantizedConv2D
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
»
_MklQuantizedConv2DAndRelu
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
Ö
'_MklQuantizedConv2DAndReluAndRequantize
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
˛
 _MklQuantizedConv2DAndRequantize
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
À
_MklQuantizedConv2DPerChannel
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
”
_MklQuantizedConv2DWithBias
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
⁄
"_MklQuantizedConv2DWithBiasAndRelu
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
ú
/_MklQuantizedConv2DWithBiasAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
ï
(_MklQuantizedConv2DWithBiasAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
‹
8_MklQuantizedConv2DWithBiasSignedSumAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
summand"Tsummand
min_summand
max_summand
output"out_type

min_output

max_output"
out_typetype0
Í
%_MklQuantizedConv2DWithBiasSumAndRelu
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
summand
output"out_type

min_output

max_output"
out_typetype0
÷
2_MklQuantizedConv2DWithBiasSumAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
summand"Tsummand
min_summand
max_summand
output"out_type

min_output

max_output"
out_typetype0
 
_MklQuantizedDepthwiseConv2D
input"Tinput
filter"Tfilter
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
‹
$_MklQuantizedDepthwiseConv2DWithBias
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
„
+_MklQuantizedDepthwiseConv2DWithBiasAndRelu
input"Tinput
filter"Tfilter
bias
	min_input
	max_input

min_filter

max_filter
output"out_type

min_output

max_output"
out_typetype0
•
8_MklQuantizedDepthwiseConv2DWithBiasAndReluAndRequantize
input"Tinput
filter"Tfilter
bias"Tbias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output"out_type

min_output

max_output"
out_typetype0
©
_MklQuantizedMatMulWithBias
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
out"Toutput
min_out
max_out"
Toutputtype0
∑
(_MklQuantizedMatMulWithBiasAndDequantize
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
min_freezed_output
max_freezed_output
out"Toutput
´
"_MklQuantizedMatMulWithBiasAndRelu
a"T1
b"T2
bias	
min_a	
max_a	
min_b	
max_b
out"Toutput
min_out
max_out"
Toutputtype0
Ì
/_MklQuantizedMatMulWithBiasAndReluAndRequantize
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
min_freezed_output
max_freezed_output
out"Toutput
min_out
max_out"
Toutputtype0
Ê
(_MklQuantizedMatMulWithBiasAndRequantize
a"T1
b"T2
bias"Tbias	
min_a	
max_a	
min_b	
max_b
min_freezed_output
max_freezed_output
out"Toutput
min_out
max_out"
Toutputtype0
m
_MklQuantizedMaxPool

input"T
	min_input
	max_input
output"T

min_output

max_output
a
_MklRelu
features"T
mkl_features
activations"T
mkl_activations"
Ttype0
b
	_MklRelu6
features"T
mkl_features
activations"T
mkl_activations"
Ttype0
Ö
_MklRelu6Grad
	gradients"T
features"T
mkl_gradients
mkl_features
	backprops"T
mkl_backprops"
Ttype0
Ñ
_MklReluGrad
	gradients"T
features"T
mkl_gradients
mkl_features
	backprops"T
mkl_backprops"
Ttype0
7
_MklSoftmax
logits"T
softmax"T"
Ttype0
;
	_MklSwish
features"T
activations"T"
Ttype0
R
_MklTanh
features"T
mkl_features
activations"T
mkl_activations
u
_MklTanhGrad
	gradients"T
features"T
mkl_gradients
mkl_features
	backprops"T
mkl_backprops
A
_MklTranspose
x"T
perm"Tperm
y"T"
Tpermtype0
/
_NcclBroadcastRecv	
shape
output"Tà
#
_NcclBroadcastSend

input"Tà
+
_NcclReduceRecv

input"T	
data"Tà
 
_NcclReduceSend

input"Tà
*
_ParallelConcatStart
output"dtypeà
=
_ParallelConcatUpdate

value"T
update"T
output"T
∆
_QuantizedMatMul
device_inputs2Tdevice_inputs
host_inputs2Thost_inputs!
device_outputs2Tdevice_outputs
host_outputs2Thost_outputs"
Tbiastype0"
Utype0"
Touttype0
l
_QuantizedMaxPool3D

input"T
	min_input
	max_input
output"T

min_output

max_output
9
_ReadVariablesOp
	resources*N
values2dtypesà
!
_Recv
tensor"tensor_typeà

_Retval

input"Tà
"
_ScopedAllocator
output"Tà
F
_ScopedAllocatorConcat
backing"T
inputs"T*N
output"Tà
F
_ScopedAllocatorSplit
concat"T
split"T*N
output"T*Nà

_Send
tensor"Tà
%
_SetGlobalTPUArray
topologyà

_ShutdownDistributedTPUà
?
_SwitchN	
data"T
output_index
outputs"T*num_outs
q
_TPUCompileMlir$
dynamic_shapes	*NumDynamicShapes
compilation_status
program*num_computationsà
±
_TPUReplicate
inputs2Tinputs%
broadcast_inputs2Tbroadcast_inputs
	variables*NumVariables-
guaranteed_constants2Tguaranteed_constants
outputs2output_typesà
1
_TensorToHashBucketFast

input"T

output	
&
_UnaryOpsComposition
x"T
y"T
$
_VarHandlesOp
	resources*Nà
8
_WaitForDistributedTPU
inputs*N
topologyà
$
_While

input2T
output2Tà
)
_XlaAotOnlyVarHandleOp
resourceà
x
_XlaCompile
	constants2
Tconstants
args2Targs
	resources*
Nresources
key
compilation_successful
à
6
$_XlaCompileMlirPlaceholderProgramKey
programà
@
_XlaHostComputeMlir
inputs2Tinputs
outputs2Toutputsà
=
	_XlaMerge
partitioned_call"T
xla_run"T
output"T
9
_XlaRecvAtHost
dynamic_key
outputs2Toutputsà
O
_XlaRecvAtHostV2
dynamic_key
device_ordinal	
outputs2Toutputsà
9
_XlaRun
args2Targs
key
results2Tresultsà
9
_XlaSendFromHost
inputs2Tinputs
dynamic_keyà
O
_XlaSendFromHostV2
inputs2Tinputs
dynamic_key
device_ordinal	à
v
&__MklDummyConv2DBackpropFilterWithBias

input"T
filter_sizes
out_backprop"T
output"T
	bias_grad"T
K
__MklDummyConv2DWithBias

input"T
filter"T	
bias"T
output"T
m
__MklDummyPadWithConv2D

input"T
filter"T
paddings"	Tpaddings
output"T"
	Tpaddingstype0
¬
__MklDummyPadWithFusedConv2D

input"T
filter"T
args"T*num_args
paddings"	Tpaddings
output"T
filter_output"T

mkl_output
mkl_filter_output"
	Tpaddingstype0